using System.Text.Json;
using k8s;
using SecureManifests.Rules.Checks;

namespace SecureManifests.Rules;

/// <summary>
/// One run of a <see cref="RuleEngine"/> over a stream of objects (<see cref="RuleEngine.StartEvaluation"/>).
/// <see cref="Add"/> checks each object with the per-object checks as it comes and keeps only a compact index of what
/// the cross-object checks need (names, labels, selectors, references); the object itself is not kept.
/// <see cref="Complete"/> then runs the cross-object checks. Memory follows the index, not the objects.
/// Not thread-safe: one evaluation is fed by one caller, in set order.
/// </summary>
public sealed class RuleEvaluation
{
    private static readonly string[] NoPaths = [];

    private readonly RuleEngineOptions _options;
    private readonly (RuleDescriptor Rule, IObjectRule Check)[] _objectRules;
    private readonly (RuleDescriptor Rule, ISetRule Check)[] _setRules;
    private readonly List<Finding> _findings = new();
    private readonly RuleContext _context;
    private readonly ObjectSetIndex _index = new();
    private readonly List<SetMember> _members = new();
    private readonly StringPool _pool = new();
    private bool _completed;

    internal RuleEvaluation(
        RuleEngineOptions options, (RuleDescriptor Rule, IObjectRule Check)[] objectRules, (RuleDescriptor Rule, ISetRule Check)[] setRules)
    {
        _options = options;
        _objectRules = objectRules;
        _setRules = setRules;
        _context = new RuleContext(options, _findings);
    }

    /// <summary>How many objects were added; the next object gets this <see cref="Finding.ObjectIndex"/>.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Checks <paramref name="kubernetesObject"/> with the per-object checks and indexes it for the cross-object ones.
    /// Its findings are ordered by rule ID; findings of cross-object checks come from <see cref="Complete"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="Complete"/> was called.</exception>
    /// <exception cref="PodTemplateException">
    /// The object is of a <see cref="RuleEngineOptions.PodTemplateKinds"/> kind and holds no pod template at its path;
    /// the object is not counted, and the evaluation can go on with the next one.
    /// </exception>
    public ObjectFindings Add(IKubernetesObject kubernetesObject) => Add(kubernetesObject, null);

    /// <summary>
    /// <see cref="Add(IKubernetesObject)"/>, for a caller that read the object from a source and still has it as written:
    /// <paramref name="written"/> (the object's JSON before deserialization) holds the field names a typed model drops,
    /// which the schema check (SM2018) compares with the model, and the pod template of a kind without a typed model is
    /// read from it directly.
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="Complete"/> was called.</exception>
    /// <exception cref="PodTemplateException">As for <see cref="Add(IKubernetesObject)"/>.</exception>
    public ObjectFindings Add(IKubernetesObject kubernetesObject, JsonElement written) => Add(kubernetesObject, (JsonElement?)written);

    private ObjectFindings Add(IKubernetesObject kubernetesObject, JsonElement? written)
    {
        ArgumentNullException.ThrowIfNull(kubernetesObject);
        if (_completed)
        {
            throw new InvalidOperationException("This evaluation is complete: start another one to check more objects.");
        }

        // Counted once its view is built: an object whose pod template cannot be read takes no index.
        var target = RuleTarget.Create(kubernetesObject, Count, _options.PodTemplateKinds, written);
        Count++;
        ReportBlankWaivers(target);
        foreach (var (rule, check) in _objectRules)
        {
            _context.Begin(rule);
            check.Check(target, _context);
        }

        var findings = _findings.Count == 0 ? Array.Empty<Finding>() : _findings.ToArray();
        _findings.Clear();
        IReadOnlyList<string> pending = NoPaths;
        if (_setRules.Length > 0 && SetMember.Of(target, _pool) is { } member)
        {
            _index.Add(member);
            _members.Add(member);
            pending = member.ReportPaths.Distinct(StringComparer.Ordinal).ToArray();
        }

        return new ObjectFindings(findings, pending);
    }

    /// <summary>
    /// Runs the cross-object checks on everything added and returns their findings, ordered by object index, then
    /// rule ID, lazily: enumerate once. No object can be added afterwards.
    /// </summary>
    /// <exception cref="InvalidOperationException">It was called before.</exception>
    public IEnumerable<Finding> Complete()
    {
        if (_completed)
        {
            throw new InvalidOperationException("This evaluation is already complete.");
        }

        _completed = true;
        return CrossObjectFindings();
    }

    private IEnumerable<Finding> CrossObjectFindings()
    {
        foreach (var member in _members)
        {
            foreach (var (rule, check) in _setRules)
            {
                _context.Begin(rule);
                check.Check(member, _index, _context);
            }

            foreach (var finding in _findings)
            {
                yield return finding;
            }

            _findings.Clear();
        }
    }

    private void ReportBlankWaivers(RuleTarget target)
    {
        foreach (var blank in target.Waivers.Blank)
        {
            var rule = RuleCatalog.Find(blank.RuleId);
            if (rule is null || !_options.IsEnabled(rule) || target.Waivers.ReasonFor(rule.Id) is not null)
            {
                continue;
            }

            _context.Begin(rule);
            _context.Report(
                target,
                blank.Path,
                $"The waiver annotation '{blank.Key}' has no reason, so {rule.Id} is not waived: " +
                $"give the reason as its value, e.g. {blank.Key}: \"why this is acceptable\"");
        }
    }
}
