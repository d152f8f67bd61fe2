#nullable enable
// Linked into the netstandard2.0 analyzers: plain C#, no k8s types, no collection expressions.
namespace SecureManifests.Rules;

/// <summary>
/// The catalogue of every SecureManifests rule, in ID order. This is the single source of truth:
/// analyzers, synth, lint and the docs pages under <c>docs/rules/</c> are all generated from it.
/// </summary>
public static partial class RuleCatalog
{
    private const RuleEnforcementPoints Everywhere =
        RuleEnforcementPoints.Analyzer | RuleEnforcementPoints.Synth | RuleEnforcementPoints.Lint;

    private const RuleEnforcementPoints SynthAndLint = RuleEnforcementPoints.Synth | RuleEnforcementPoints.Lint;

    // Rules about the text as written (field names a typed object cannot hold), which only lint reads.
    private const RuleEnforcementPoints LintOnly = RuleEnforcementPoints.Lint;

    private static readonly RuleDescriptor[] AllRules = Concat(PodSecurityRules(), WorkloadRules(), RbacRules(), NetworkRules());

    private static readonly System.Collections.Generic.Dictionary<string, RuleDescriptor> ById = Index(AllRules);

    /// <summary>Every rule, ordered by ID.</summary>
    public static System.Collections.Generic.IReadOnlyList<RuleDescriptor> All => AllRules;

    /// <summary>The rule with <paramref name="id"/>, or null when there is none.</summary>
    public static RuleDescriptor? Find(string id)
    {
        if (id == null)
        {
            return null;
        }

        RuleDescriptor? rule;
        return ById.TryGetValue(id, out rule) ? rule : null;
    }

    /// <summary>The rule with <paramref name="id"/>; throws when the ID is not in the catalogue.</summary>
    public static RuleDescriptor Get(string id)
    {
        var rule = Find(id);
        if (rule == null)
        {
            throw new System.ArgumentException("'" + id + "' is not a SecureManifests rule ID.", nameof(id));
        }

        return rule;
    }

    /// <summary>Default severity by tier: PSS rules are errors, SecureManifests rules warnings, opt-in ones advice.</summary>
    private static RuleSeverity SeverityFor(RuleLevel level)
    {
        switch (level)
        {
            case RuleLevel.Baseline:
            case RuleLevel.Restricted:
                return RuleSeverity.Error;
            case RuleLevel.Secure:
                return RuleSeverity.Warning;
            default:
                return RuleSeverity.Info;
        }
    }

    private static RuleDescriptor Rule(
        string id, string name, RuleLevel level, RuleEnforcementPoints where, string title, string messageFormat,
        string flags, string rationale, string csharp, string yaml, params string[] references) =>
        new RuleDescriptor(id, name, title, messageFormat, SeverityFor(level), level, where, flags, rationale, csharp, yaml, references);

    private static RuleDescriptor Rule(
        string id, string name, RuleLevel level, RuleSeverity severity, RuleEnforcementPoints where, string title,
        string messageFormat, string flags, string rationale, string csharp, string yaml, params string[] references) =>
        new RuleDescriptor(id, name, title, messageFormat, severity, level, where, flags, rationale, csharp, yaml, references);

    private static RuleDescriptor[] Concat(params RuleDescriptor[][] parts)
    {
        var list = new System.Collections.Generic.List<RuleDescriptor>();
        foreach (var part in parts)
        {
            list.AddRange(part);
        }

        list.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return list.ToArray();
    }

    private static System.Collections.Generic.Dictionary<string, RuleDescriptor> Index(RuleDescriptor[] rules)
    {
        var map = new System.Collections.Generic.Dictionary<string, RuleDescriptor>(System.StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            map.Add(rule.Id, rule);
        }

        return map;
    }
}
