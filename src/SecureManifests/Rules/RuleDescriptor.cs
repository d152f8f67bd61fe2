#nullable enable
// Linked into the netstandard2.0 analyzers: plain class, no records, no init accessors, no k8s types.
namespace SecureManifests.Rules;

/// <summary>
/// Everything the project knows about one rule: the single source from which the engine, the
/// analyzers, the CLI and the docs pages take ID, name, texts, severity and profile.
/// </summary>
public sealed class RuleDescriptor
{
    /// <summary>Base of every rule's help page; the ID and <c>.md</c> are appended.</summary>
    public const string HelpUriBase = "https://github.com/securemanifests/securemanifests/blob/main/docs/rules/";

    /// <summary>Creates a descriptor. Every text must be non-empty; references may be empty.</summary>
    public RuleDescriptor(
        string id,
        string name,
        string title,
        string messageFormat,
        RuleSeverity defaultSeverity,
        RuleLevel level,
        RuleEnforcementPoints enforcedBy,
        string flags,
        string rationale,
        string remediationCSharp,
        string remediationYaml,
        string[] references)
    {
        Id = Require(id, nameof(id));
        Name = Require(name, nameof(name));
        Title = Require(title, nameof(title));
        MessageFormat = Require(messageFormat, nameof(messageFormat));
        DefaultSeverity = defaultSeverity;
        Level = level;
        EnforcedBy = enforcedBy;
        Flags = Require(flags, nameof(flags));
        Rationale = Require(rationale, nameof(rationale));
        RemediationCSharp = Require(remediationCSharp, nameof(remediationCSharp));
        RemediationYaml = Require(remediationYaml, nameof(remediationYaml));
        References = references ?? throw new System.ArgumentNullException(nameof(references));
    }

    /// <summary>Stable ID such as <c>SM1001</c>.</summary>
    public string Id { get; }

    /// <summary>Stable kebab-case name such as <c>privileged-container</c>.</summary>
    public string Name { get; }

    /// <summary>One-line title, used as the analyzer title and the docs heading.</summary>
    public string Title { get; }

    /// <summary>
    /// Message with one placeholder <c>{0}</c> for the subject (usually the container or object);
    /// used by the analyzers. The engine builds more specific messages naming the field and the safe value.
    /// </summary>
    public string MessageFormat { get; }

    /// <summary>Severity unless configuration overrides it.</summary>
    public RuleSeverity DefaultSeverity { get; }

    /// <summary>Tier of the rule, which decides the profiles it is part of.</summary>
    public RuleLevel Level { get; }

    /// <summary>Where the rule is enforced.</summary>
    public RuleEnforcementPoints EnforcedBy { get; }

    /// <summary>What the rule flags, as in the spec table.</summary>
    public string Flags { get; }

    /// <summary>Why it matters: the risk, and the control or finding it comes from.</summary>
    public string Rationale { get; }

    /// <summary>How to fix it in C# (KubernetesClient models), as a code snippet.</summary>
    public string RemediationCSharp { get; }

    /// <summary>How to fix it in YAML, as a manifest snippet.</summary>
    public string RemediationYaml { get; }

    /// <summary>PSA check IDs, kube-linter checks, audit findings and other sources.</summary>
    public string[] References { get; }

    /// <summary>The docs page of the rule.</summary>
    public string HelpUri => HelpUriBase + Id + ".md";

    /// <summary>The analyzer category: <c>PodSecurity</c>, <c>Workload</c>, <c>RBAC</c> or <c>Network</c>.</summary>
    public string Category
    {
        get
        {
            switch (Id.Length > 2 ? Id[2] : ' ')
            {
                case '1': return "PodSecurity";
                case '2': return "Workload";
                case '3': return "RBAC";
                default: return "Network";
            }
        }
    }

    /// <summary>The annotation that waives this rule on one object, with the reason as its value.</summary>
    public string WaiverAnnotation => "securemanifests.io/ignore-" + Id;

    /// <summary>Whether <paramref name="profile"/> turns this rule on.</summary>
    public bool IsInProfile(RuleProfile profile)
    {
        switch (profile)
        {
            case RuleProfile.Baseline: return Level == RuleLevel.Baseline;
            case RuleProfile.Restricted: return Level == RuleLevel.Baseline || Level == RuleLevel.Restricted;
            case RuleProfile.Secure: return Level != RuleLevel.OptIn;
            default: return true;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Id + " " + Name;

    private static string Require(string value, string parameter)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new System.ArgumentException("A rule descriptor needs a non-empty " + parameter + ".", parameter);
        }

        return value;
    }
}
