using k8s.Models;
using SecureManifests.Model;

namespace SecureManifests.Networking;

/// <summary>The two policies every namespace starts with: deny all traffic, then allow DNS lookups.</summary>
internal static class NamespacePolicies
{
    public const string DefaultDenyName = "default-deny";
    public const string AllowDnsName = "allow-dns";

    public static IEnumerable<V1NetworkPolicy> DefaultDenyAndDns(App app, string ns)
    {
        yield return new V1NetworkPolicy
        {
            ApiVersion = "networking.k8s.io/v1",
            Kind = "NetworkPolicy",
            Metadata = new V1ObjectMeta { Name = DefaultDenyName, NamespaceProperty = ns, Labels = RecommendedLabels.For(app, DefaultDenyName) },
            Spec = new V1NetworkPolicySpec { PodSelector = new V1LabelSelector(), PolicyTypes = ["Ingress", "Egress"] },
        };
        yield return new V1NetworkPolicy
        {
            ApiVersion = "networking.k8s.io/v1",
            Kind = "NetworkPolicy",
            Metadata = new V1ObjectMeta { Name = AllowDnsName, NamespaceProperty = ns, Labels = RecommendedLabels.For(app, AllowDnsName) },
            Spec = new V1NetworkPolicySpec
            {
                PodSelector = new V1LabelSelector(),
                PolicyTypes = ["Egress"],
                Egress =
                [
                    new V1NetworkPolicyEgressRule
                    {
                        To =
                        [
                            new V1NetworkPolicyPeer
                            {
                                NamespaceSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { [Namespace.NameLabel] = "kube-system" } },
                                PodSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["k8s-app"] = "kube-dns" } },
                            },
                        ],
                        Ports =
                        [
                            new V1NetworkPolicyPort { Protocol = "UDP", Port = 53 },
                            new V1NetworkPolicyPort { Protocol = "TCP", Port = 53 },
                        ],
                    },
                ],
            },
        };
    }
}
