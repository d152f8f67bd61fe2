using System.Globalization;
using k8s;

namespace SecureManifests.Rules;

/// <summary>
/// Evaluates the catalogue's checks on a set of objects: every per-object check on every object,
/// then every whole-set check, filtered by profile and include/exclude lists, with waivers applied.
/// Thread-safe: an engine holds only its immutable check lists.
/// </summary>
public sealed class RuleEngine
{
    private readonly (RuleDescriptor Rule, IObjectRule Check)[] _objectRules;
    private readonly (RuleDescriptor Rule, ISetRule Check)[] _setRules;

    /// <summary>An engine with every built-in check.</summary>
    public RuleEngine()
        : this(BuiltInRules.ObjectRules, BuiltInRules.SetRules)
    {
    }

    /// <summary>An engine with the given checks. Every check must implement a catalogue rule.</summary>
    /// <exception cref="ArgumentException">A check names a rule ID that is not in the catalogue.</exception>
    internal RuleEngine(IEnumerable<IObjectRule> objectRules, IEnumerable<ISetRule> setRules)
    {
        ArgumentNullException.ThrowIfNull(objectRules);
        ArgumentNullException.ThrowIfNull(setRules);
        _objectRules = objectRules.Select(r => (Describe(r.RuleId, r.GetType()), r))
            .OrderBy(p => p.Item1.Id, StringComparer.Ordinal).ToArray();
        _setRules = setRules.Select(r => (Describe(r.RuleId, r.GetType()), r))
            .OrderBy(p => p.Item1.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The rule IDs this engine has a check for, in ID order.</summary>
    public IReadOnlyList<string> ImplementedRuleIds =>
        _objectRules.Select(r => r.Rule.Id).Concat(_setRules.Select(r => r.Rule.Id))
            .Distinct(StringComparer.Ordinal).OrderBy(id => id, StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Checks <paramref name="objects"/> and returns the findings ordered by object index, then rule ID.
    /// Objects of kinds no check understands are skipped.
    /// </summary>
    /// <exception cref="ArgumentException">An element of <paramref name="objects"/> is null.</exception>
    /// <exception cref="PodTemplateException">
    /// An object of a <see cref="RuleEngineOptions.PodTemplateKinds"/> kind holds no pod template at its path.
    /// </exception>
    public IReadOnlyList<Finding> Evaluate(IReadOnlyList<IKubernetesObject> objects, RuleEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var evaluation = StartEvaluation(options);
        var findings = new List<Finding>();
        for (var i = 0; i < objects.Count; i++)
        {
            var obj = objects[i] ?? throw new ArgumentException(
                "objects[" + i.ToString(CultureInfo.InvariantCulture) + "] is null; every element must be a Kubernetes object.",
                nameof(objects));
            findings.AddRange(evaluation.Add(obj).Findings);
        }

        var perObjectCount = findings.Count;
        findings.AddRange(evaluation.Complete());
        return findings.Count == perObjectCount ? findings : OrderByObject(findings);
    }

    /// <summary>
    /// Starts checking a stream of objects: give them one at a time to <see cref="RuleEvaluation.Add"/>, which checks
    /// each on its own at once and keeps only what the cross-object checks need, then call
    /// <see cref="RuleEvaluation.Complete"/>. For inputs too large to hold; <see cref="Evaluate"/> is the same run on a list.
    /// </summary>
    public RuleEvaluation StartEvaluation(RuleEngineOptions? options = null)
    {
        options ??= new RuleEngineOptions();
        return new RuleEvaluation(options, Enabled(_objectRules, options), Enabled(_setRules, options));
    }

    // Stable: findings of one object keep the order their checks produced them in.
    private static List<Finding> OrderByObject(List<Finding> findings) =>
        findings.OrderBy(f => f.ObjectIndex).ToList();

    private static (RuleDescriptor Rule, T Check)[] Enabled<T>((RuleDescriptor Rule, T Check)[] rules, RuleEngineOptions options)
    {
        var enabled = new List<(RuleDescriptor, T)>(rules.Length);
        foreach (var entry in rules)
        {
            if (options.IsEnabled(entry.Rule))
            {
                enabled.Add(entry);
            }
        }

        return enabled.ToArray();
    }

    private static RuleDescriptor Describe(string ruleId, Type checkType) =>
        RuleCatalog.Find(ruleId) ?? throw new ArgumentException(
            $"The check {checkType.Name} implements '{ruleId}', which is not in the rule catalogue.");
}
