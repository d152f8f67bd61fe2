using System.Collections;

namespace SecureManifests.Rules;

/// <summary>
/// The kinds without a typed model whose pod the rules check (<see cref="RuleEngineOptions.PodTemplateKinds"/>): the
/// <see cref="BuiltIn"/> ones, then those added, in the order added. One entry per group and kind.
/// </summary>
public sealed class PodTemplateKindSet : IReadOnlyCollection<PodTemplateKind>
{
    private readonly List<PodTemplateKind> _kinds = new();
    private readonly Dictionary<(string Group, string Kind), PodTemplateKind> _byGroupKind = new();

    /// <summary>A set of the <see cref="BuiltIn"/> kinds.</summary>
    public PodTemplateKindSet()
    {
        foreach (var kind in BuiltIn)
        {
            Add(kind);
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

    /// <summary>The entry for objects of <paramref name="apiVersion"/> and <paramref name="kind"/>, or null when there is none.</summary>
    public PodTemplateKind? Find(string? apiVersion, string? kind) =>
        kind is not null && _byGroupKind.TryGetValue((ApiGroups.Of(apiVersion), kind), out var found) ? found : null;

    /// <inheritdoc />
    public IEnumerator<PodTemplateKind> GetEnumerator() => _kinds.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
