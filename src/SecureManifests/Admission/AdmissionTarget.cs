using k8s.Models;
using SecureManifests.Rules.Semantics;

namespace SecureManifests.Admission;

/// <summary>
/// What a family of policies matches and reads: the resources, the conditions that narrow them, and the
/// variables the validations share.
/// </summary>
internal sealed record AdmissionTarget(
    IReadOnlyList<(string ApiGroup, string[] Resources)> Resources,
    IReadOnlyList<(string Name, string Expression)> MatchConditions,
    IReadOnlyList<(string Name, string Expression)> Variables)
{
    /// <summary>
    /// Whether the binding skips namespaces with the exemption label. False for Namespace objects: a binding's
    /// namespaceSelector matches a Namespace by its own labels, so the object would exempt itself.
    /// </summary>
    public bool ExemptByNamespace { get; init; } = true;

    /// <summary>The API versions the resource rules match: <c>v1</c>, or <c>*</c> for a target over every resource.</summary>
    public IReadOnlyList<string> ApiVersions { get; init; } = ["v1"];

    /// <summary>Resources left out of <see cref="Resources"/> (<c>excludeResourceRules</c>), by group.</summary>
    public IReadOnlyList<(string ApiGroup, string[] Resources)> ExcludedResources { get; init; } = [];

    /// <summary>Operations that create or change an object; DELETE has no object to judge.</summary>
    public static readonly string[] Operations = ["CREATE", "UPDATE"];

    /// <summary>Pods (and their ephemeral containers) and every pod-template kind.</summary>
    public static AdmissionTarget PodSpecs { get; } = new(
        ByGroup(PodSpecResources.Served.Append(new(PodSpecResources.Core, PodSpecResources.Pods + "/ephemeralcontainers"))),
        PodSpecVariables.MatchConditions,
        PodSpecVariables.Variables);

    /// <summary>Resources grouped by API group, groups in first-seen order, resources sorted (deterministic YAML).</summary>
    public static IReadOnlyList<(string ApiGroup, string[] Resources)> ByGroup(IEnumerable<KeyValuePair<string, string>> resources) =>
        resources.GroupBy(r => r.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(r => r.Value).Order(StringComparer.Ordinal).ToArray()))
            .ToList();

    /// <summary>The <c>resourceRules</c> of the policy.</summary>
    public IList<V1NamedRuleWithOperations> ResourceRules() => Rules(Resources);

    /// <summary>The <c>excludeResourceRules</c> of the policy, or null when it excludes nothing.</summary>
    public IList<V1NamedRuleWithOperations>? ExcludeResourceRules() => ExcludedResources.Count == 0 ? null : Rules(ExcludedResources);

    private List<V1NamedRuleWithOperations> Rules(IReadOnlyList<(string ApiGroup, string[] Resources)> resources) =>
        resources.Select(r => new V1NamedRuleWithOperations
        {
            ApiGroups = [r.ApiGroup],
            ApiVersions = [.. ApiVersions],
            Operations = [.. Operations],
            Resources = [.. r.Resources],
        }).ToList();
}
