using k8s.Models;
using SecureManifests.Rules.Semantics;

namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM4003: a NetworkPolicy's podSelector, or a podSelector of one of its <c>from</c>/<c>to</c> peers, selects no pod in
/// the set. An empty selector always matches. A peer without a namespaceSelector is in the policy's namespace and is
/// always judged. A peer with a namespaceSelector is judged only when the selector names its namespaces through
/// <c>kubernetes.io/metadata.name</c> and the set holds each of them (the policy's own, a Namespace object or pods
/// in it); any other namespaceSelector may select namespaces outside the set, so it is not judged.
/// </summary>
internal sealed class DanglingNetworkPolicyRule : ISetRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.DanglingNetworkPolicy;

    /// <inheritdoc />
    public void Check(SetMember member, ObjectSetIndex index, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(context);
        if (member is not NetworkPolicyMember { Spec: { } spec } t)
        {
            return;
        }

        var ns = t.SetNamespace;
        if (spec.PodSelector is { } own && !LabelSelectors.IsEmpty(own) && !index.AnyPodMatches(ns, own))
        {
            context.Report(t, NetworkPolicyMember.PodSelectorPath,
                $"spec.podSelector of {t.Description} matches no pod in namespace {Show(ns)}: " +
                "fix it to the pod template labels of the workload it should protect, or remove the policy");
        }

        foreach (var peer in t.Peers)
        {
            CheckPeer(t, ns, peer, index, context);
        }
    }

    private static void CheckPeer(NetworkPolicyMember t, string ns, PeerSelector peer, ObjectSetIndex index, RuleContext context)
    {
        var selector = peer.Selector;
        if (LabelSelectors.IsEmpty(selector))
        {
            return;
        }

        // The policy's own namespace is in the set by definition (the policy is), so its peers are judged like
        // spec.podSelector even when the set has no pods there; other namespaces only when the set knows them.
        var namespaces = peer.Peer.NamespaceSelector is null ? new[] { ns } : PinnedNamespaces(peer.Peer.NamespaceSelector);
        if (namespaces is null || namespaces.Length == 0 || !namespaces.All(n => n == ns || index.Knows(n)))
        {
            return;
        }

        if (!namespaces.Any(n => index.AnyPodMatches(n, selector)))
        {
            var where = string.Join(", ", namespaces.Select(Show));
            context.Report(t, peer.Path,
                $"{peer.Path} of {t.Description} matches no pod in namespace {where}: " +
                "fix it to the pod template labels of the peer workload, or remove the peer");
        }
    }

    /// <summary>The namespaces a namespaceSelector can select when it names them, or null when it can select others.</summary>
    private static string[]? PinnedNamespaces(V1LabelSelector selector)
    {
        if (selector.MatchLabels is { } labels && labels.TryGetValue(Namespaces.NameLabel, out var name) && name is not null)
        {
            return new[] { name };
        }

        var pinned = selector.MatchExpressions?.FirstOrDefault(e =>
            e is not null && string.Equals(e.Key, Namespaces.NameLabel, StringComparison.Ordinal) &&
            string.Equals(e.OperatorProperty, SelectorOperators.In, StringComparison.Ordinal) && e.Values is not null);
        return pinned?.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    private static string Show(string ns) => ns.Length == 0 ? "(no namespace)" : ns;
}
