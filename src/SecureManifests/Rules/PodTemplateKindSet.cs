using System.Collections;
using SecureManifests.CustomResources;

namespace SecureManifests.Rules;

/// <summary>
/// The kinds without a typed model whose pod the rules check (<see cref="RuleEngineOptions.PodTemplateKinds"/>): the
/// <see cref="BuiltIn"/> ones, then those added, in the order added. One entry per group and kind.
/// </summary>
public sealed class PodTemplateKindSet : IReadOnlyCollection<PodTemplateKind>
{
    private readonly List<PodTemplateKind> _kinds = new();
    private readonly Dictionary<(string Group, string Kind), PodTemplateKind> _byGroupKind = new();
    private readonly HashSet<(string Group, string Kind)> _builtIn = new();
    private readonly HashSet<(string Group, string Kind)> _fromSchema = new();

    /// <summary>A set of the <see cref="BuiltIn"/> kinds.</summary>
    public PodTemplateKindSet()
    {
        foreach (var kind in BuiltIn)
        {
            Add(kind);
            _builtIn.Add((kind.Group, kind.Kind));
        }
    }

    /// <summary>
    /// The kinds every set starts with: OpenShift's <c>DeploymentConfig</c> (<c>apps.openshift.io</c>) and Argo Rollouts'
    /// <c>Rollout</c> (<c>argoproj.io</c>), both with their pod template at <c>spec.template</c>. A Rollout that points
    /// at a Deployment with <c>spec.workloadRef</c> has no template of its own, and is left to that Deployment.
    /// </summary>
    public static IReadOnlyList<PodTemplateKind> BuiltIn { get; } =
    [
        new PodTemplateKind("apps.openshift.io", "DeploymentConfig", "spec.template"),
        new PodTemplateKind("argoproj.io", "Rollout", "spec.template"),
    ];

    /// <inheritdoc />
    public int Count => _kinds.Count;

    /// <summary>
    /// Adds <paramref name="kind"/>. Adding an equal entry again changes nothing; another path or shape for a group and
    /// kind already in the set is refused, since an object has its pod in one place.
    /// </summary>
    /// <exception cref="ArgumentException">The set has the group and kind with another path or shape; the message names both.</exception>
    public void Add(PodTemplateKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (_byGroupKind.TryGetValue((kind.Group, kind.Kind), out var existing))
        {
            if (!existing.Equals(kind))
            {
                throw new ArgumentException($"pod-template kind {kind} is already declared as {existing}: declare each group and kind once");
            }

            return;
        }

        _byGroupKind.Add((kind.Group, kind.Kind), kind);
        _kinds.Add(kind);
    }

    /// <summary>
    /// Adds where a CRD's schema keeps the pods of <paramref name="kind"/> of <paramref name="group"/>
    /// (<see cref="PodTemplateSchemas.Find"/> of a version's schema), so a kind is found by its schema rather than a
    /// list. The schema is the kind's own word: it replaces a <see cref="BuiltIn"/> entry that says otherwise. A kind has
    /// one place, so the first the schemas give stays (the outermost pod of the first version); a pod under a property
    /// name that is no field path is not found. An entry added with <see cref="Add"/> that disagrees is refused as
    /// <see cref="Add"/> refuses.
    /// </summary>
    /// <exception cref="ArgumentException">An entry added with <see cref="Add"/> keeps the kind's pod elsewhere.</exception>
    internal void AddFromSchema(string group, string kind, IEnumerable<PodTemplateSchemaPath> pods)
    {
        foreach (var pod in pods)
        {
            var shape = pod.IsTemplate ? PodTemplateShape.Template : PodTemplateShape.PodSpec;
            if (PodTemplateKind.ProblemOf(group, kind, pod.Path, shape) is not null)
            {
                continue;
            }

            var entry = new PodTemplateKind(group, kind, pod.Path, shape);
            var key = (group, kind);
            if (_fromSchema.Contains(key))
            {
                continue;
            }

            if (_builtIn.Remove(key) && !_byGroupKind[key].Equals(entry))
            {
                _kinds[_kinds.IndexOf(_byGroupKind[key])] = entry;
                _byGroupKind[key] = entry;
            }

            Add(entry);
            _fromSchema.Add(key);
        }
    }

    /// <summary>The entry for objects of <paramref name="apiVersion"/> and <paramref name="kind"/>, or null when there is none.</summary>
    public PodTemplateKind? Find(string? apiVersion, string? kind) =>
        kind is not null && _byGroupKind.TryGetValue((ApiGroups.Of(apiVersion), kind), out var found) ? found : null;

    /// <inheritdoc />
    public IEnumerator<PodTemplateKind> GetEnumerator() => _kinds.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
