using System.Globalization;
using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>A NetworkPolicy: its spec (selectors and policy types) and the pod selectors of its peers with their paths.</summary>
internal sealed class NetworkPolicyMember : SetMember
{
    /// <summary>The path of <c>spec.podSelector</c>.</summary>
    public const string PodSelectorPath = "spec.podSelector";

    public NetworkPolicyMember(RuleTarget target, V1NetworkPolicySpec? spec, StringPool pool)
        : base(target, pool)
    {
        Spec = spec;
        var peers = new List<PeerSelector>();
        if (spec?.Ingress is { } ingress)
        {
            for (var i = 0; i < ingress.Count; i++)
            {
                AddPeers(peers, ingress[i]?.FromProperty, "spec.ingress[" + Number(i) + "].from", pool);
            }
        }

        if (spec?.Egress is { } egress)
        {
            for (var i = 0; i < egress.Count; i++)
            {
                AddPeers(peers, egress[i]?.To, "spec.egress[" + Number(i) + "].to", pool);
            }
        }

        Peers = peers;
    }

    /// <summary>The spec, or null when the policy has none.</summary>
    public V1NetworkPolicySpec? Spec { get; }

    /// <summary>The ingress peers, then the egress peers, that have a podSelector, in order.</summary>
    public IReadOnlyList<PeerSelector> Peers { get; }

    /// <inheritdoc />
    public override IEnumerable<string> ReportPaths => Peers.Select(p => p.Path).Prepend(PodSelectorPath);

    private static void AddPeers(List<PeerSelector> result, IList<V1NetworkPolicyPeer>? peers, string path, StringPool pool)
    {
        if (peers is null)
        {
            return;
        }

        for (var j = 0; j < peers.Count; j++)
        {
            if (peers[j] is { PodSelector: { } selector } peer)
            {
                result.Add(new PeerSelector(pool.Intern(path + "[" + Number(j) + "].podSelector"), peer, selector));
            }
        }
    }

    private static string Number(int i) => i.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A peer of a NetworkPolicy rule that has a podSelector.</summary>
/// <param name="Path">The selector's path, such as <c>spec.ingress[0].from[1].podSelector</c>.</param>
/// <param name="Peer">The peer (its namespaceSelector says where the pods are).</param>
/// <param name="Selector">Its podSelector.</param>
internal sealed record PeerSelector(string Path, V1NetworkPolicyPeer Peer, V1LabelSelector Selector);
