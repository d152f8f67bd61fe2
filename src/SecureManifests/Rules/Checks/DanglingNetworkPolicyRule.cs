using System.Globalization;
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
    public void Check(IReadOnlyList<RuleTarget> targets, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(context);
        var index = ObjectSetIndex.For(targets);
        foreach (var t in targets)
        {
            if (t.Source is not V1NetworkPolicy { Spec: { } spec })
            {
                continue;
            }

            var ns = ObjectSetIndex.NamespaceOf(t);
            if (spec.PodSelector is { } own && !LabelSelectors.IsEmpty(own) && !index.AnyPodMatches(ns, own))
            {
                context.Report(t, "spec.podSelector",
                    $"spec.podSelector of {t.Description} matches no pod in namespace {Show(ns)}: " +
                    "fix it to the pod template labels of the workload it should protect, or remove the policy");
            }

            if (spec.Ingress is { } ingress)
            {
                for (var i = 0; i < ingress.Count; i++)
                {
                    CheckPeers(t, ns, ingress[i]?.FromProperty, "spec.ingress[" + Number(i) + "].from", index, context);
                }
            }

            if (spec.Egress is { } egress)
            {
                for (var i = 0; i < egress.Count; i++)
                {
                    CheckPeers(t, ns, egress[i]?.To, "spec.egress[" + Number(i) + "].to", index, context);
                }
            }
        }
    }

    private static void CheckPeers(
        RuleTarget t, string ns, IList<V1NetworkPolicyPeer>? peers, string path, ObjectSetIndex index, RuleContext context)
    {
        if (peers is null)
        {
            return;
        }

        for (var j = 0; j < peers.Count; j++)
        {
            if (peers[j] is not { PodSelector: { } selector } peer || LabelSelectors.IsEmpty(selector))
            {
                continue;
            }

            // The policy's own namespace is in the set by definition (the policy is), so its peers are judged like
            // spec.podSelector even when the set has no pods there; other namespaces only when the set knows them.
            var namespaces = peer.NamespaceSelector is null ? new[] { ns } : PinnedNamespaces(peer.NamespaceSelector);
            if (namespaces is null || namespaces.Length == 0 || !namespaces.All(n => n == ns || index.Knows(n)))
            {
                continue;
            }

            if (!namespaces.Any(n => index.AnyPodMatches(n, selector)))
            {
                var where = string.Join(", ", namespaces.Select(Show));
                context.Report(t, path + "[" + Number(j) + "].podSelector",
                    $"{path}[{Number(j)}].podSelector of {t.Description} matches no pod in namespace {where}: " +
                    "fix it to the pod template labels of the peer workload, or remove the peer");
            }
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

    private static string Number(int i) => i.ToString(CultureInfo.InvariantCulture);
}
