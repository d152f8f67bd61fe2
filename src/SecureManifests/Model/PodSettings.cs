using k8s.Models;

namespace SecureManifests.Model;

/// <summary>
/// Pod-level settings that change where and how pods run but none of their security settings: scheduling,
/// image pull secrets, termination, DNS and host aliases, pod annotations. Written into the pod template.
/// </summary>
internal sealed class PodSettings
{
    public SortedDictionary<string, string> NodeSelector { get; } = new(StringComparer.Ordinal);

    public List<V1Toleration> Tolerations { get; } = [];

    public List<V1NodeSelectorRequirement> RequiredNodeTerms { get; } = [];

    public List<V1PreferredSchedulingTerm> PreferredNodeTerms { get; } = [];

    public List<V1PodAffinityTerm> RequiredColocation { get; } = [];

    public List<V1WeightedPodAffinityTerm> PreferredColocation { get; } = [];

    public List<V1PodAffinityTerm> RequiredSeparation { get; } = [];

    public List<V1WeightedPodAffinityTerm> PreferredSeparation { get; } = [];

    public List<V1TopologySpreadConstraint> Spread { get; } = [];

    public SortedSet<string> ImagePullSecrets { get; } = new(StringComparer.Ordinal);

    public List<V1HostAlias> HostAliases { get; } = [];

    public List<string> Nameservers { get; } = [];

    public List<string> Searches { get; } = [];

    public List<V1PodDNSConfigOption> DnsOptions { get; } = [];

    public SortedDictionary<string, string> Annotations { get; } = new(StringComparer.Ordinal);

    public string? PriorityClassName { get; set; }

    public string? RuntimeClassName { get; set; }

    public long? TerminationGracePeriodSeconds { get; set; }

    public DnsPolicy? DnsPolicy { get; set; }

    public void ApplyTo(V1PodSpec spec, V1ObjectMeta metadata)
    {
        spec.NodeSelector = NodeSelector.Count == 0 ? null : new Dictionary<string, string>(NodeSelector, StringComparer.Ordinal);
        spec.Tolerations = Tolerations.Count == 0 ? null : [.. Tolerations];
        spec.Affinity = Affinity();
        spec.TopologySpreadConstraints = Spread.Count == 0 ? null : [.. Spread];
        spec.PriorityClassName = PriorityClassName;
        spec.RuntimeClassName = RuntimeClassName;
        spec.TerminationGracePeriodSeconds = TerminationGracePeriodSeconds;
        spec.ImagePullSecrets = ImagePullSecrets.Count == 0 ? null : [.. ImagePullSecrets.Select(s => new V1LocalObjectReference { Name = s })];
        spec.HostAliases = HostAliases.Count == 0 ? null : [.. HostAliases];
        spec.DnsPolicy = DnsPolicy?.ToApiValue();
        spec.DnsConfig = Nameservers.Count + Searches.Count + DnsOptions.Count == 0
            ? null
            : new V1PodDNSConfig
            {
                Nameservers = Nameservers.Count == 0 ? null : [.. Nameservers],
                Searches = Searches.Count == 0 ? null : [.. Searches],
                Options = DnsOptions.Count == 0 ? null : [.. DnsOptions],
            };
        if (Annotations.Count > 0)
        {
            metadata.Annotations = new Dictionary<string, string>(Annotations, StringComparer.Ordinal);
        }
    }

    private V1Affinity? Affinity()
    {
        var node = RequiredNodeTerms.Count + PreferredNodeTerms.Count == 0
            ? null
            : new V1NodeAffinity
            {
                RequiredDuringSchedulingIgnoredDuringExecution = RequiredNodeTerms.Count == 0
                    ? null
                    : new V1NodeSelector { NodeSelectorTerms = [new V1NodeSelectorTerm { MatchExpressions = [.. RequiredNodeTerms] }] },
                PreferredDuringSchedulingIgnoredDuringExecution = PreferredNodeTerms.Count == 0 ? null : [.. PreferredNodeTerms],
            };
        var colocate = RequiredColocation.Count + PreferredColocation.Count == 0
            ? null
            : new V1PodAffinity
            {
                RequiredDuringSchedulingIgnoredDuringExecution = RequiredColocation.Count == 0 ? null : [.. RequiredColocation],
                PreferredDuringSchedulingIgnoredDuringExecution = PreferredColocation.Count == 0 ? null : [.. PreferredColocation],
            };
        var separate = RequiredSeparation.Count + PreferredSeparation.Count == 0
            ? null
            : new V1PodAntiAffinity
            {
                RequiredDuringSchedulingIgnoredDuringExecution = RequiredSeparation.Count == 0 ? null : [.. RequiredSeparation],
                PreferredDuringSchedulingIgnoredDuringExecution = PreferredSeparation.Count == 0 ? null : [.. PreferredSeparation],
            };
        return node is null && colocate is null && separate is null
            ? null
            : new V1Affinity { NodeAffinity = node, PodAffinity = colocate, PodAntiAffinity = separate };
    }
}
