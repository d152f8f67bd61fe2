using System.Net;
using k8s.Models;
using SecureManifests.Model;

namespace SecureManifests.Networking;

/// <summary>
/// Turns declared connections into NetworkPolicies: <c>&lt;target&gt;-ingress</c> on the receiving workload and
/// <c>&lt;source&gt;-egress</c> on the sending one, so both ends of every allowed flow are explicit.
/// </summary>
internal sealed class ConnectionPolicies
{
    /// <summary>Every declared flow, indexed by its source once, so each namespace finds its egress in one lookup.</summary>
    private readonly Dictionary<Workload, List<(Workload Target, ContainerPortSpec Port)>> _flowsBySource = [];

    public ConnectionPolicies(IEnumerable<Workload> allWorkloads)
    {
        foreach (var target in allWorkloads)
        {
            foreach (var rule in target.Inbound)
            {
                if (rule.FromWorkload is { } source)
                {
                    if (!_flowsBySource.TryGetValue(source, out var flows))
                    {
                        _flowsBySource[source] = flows = [];
                    }

                    flows.Add((target, rule.Port));
                }
            }
        }
    }

    public IEnumerable<V1NetworkPolicy> For(IEnumerable<Workload> workloadsInNamespace)
    {
        var local = workloadsInNamespace.ToList();
        foreach (var target in local.Where(w => w.Inbound.Count > 0))
        {
            yield return IngressPolicy(target);
        }

        foreach (var source in local)
        {
            var flows = _flowsBySource.GetValueOrDefault(source) ?? [];
            if (flows.Count > 0 || source.Outbound.Count > 0)
            {
                yield return EgressPolicy(source, flows);
            }
        }
    }

    private static V1NetworkPolicy IngressPolicy(Workload target) => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "NetworkPolicy",
        Metadata = Metadata(target, target.Name + "-ingress"),
        Spec = new V1NetworkPolicySpec
        {
            PodSelector = Select(target.SelectorLabels),
            PolicyTypes = ["Ingress"],
            Ingress = [.. target.Inbound.Select(rule => new V1NetworkPolicyIngressRule
            {
                FromProperty = [rule.FromWorkload is { } source ? Peer(source, target.Namespace)
                    : rule.FromCidr is { } cidr ? new V1NetworkPolicyPeer { IpBlock = new V1IPBlock { Cidr = cidr } }
                    : NamespacePeer(rule.FromNamespace!)],
                Ports = [PortOf(rule.Port.Number, rule.Port.Protocol)],
            })],
        },
    };

    private static V1NetworkPolicy EgressPolicy(Workload source, List<(Workload Target, ContainerPortSpec Port)> flows) => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "NetworkPolicy",
        Metadata = Metadata(source, source.Name + "-egress"),
        Spec = new V1NetworkPolicySpec
        {
            PodSelector = Select(source.SelectorLabels),
            PolicyTypes = ["Egress"],
            Egress =
            [
                .. flows.Select(flow => new V1NetworkPolicyEgressRule
                {
                    To = [Peer(flow.Target, source.Namespace)],
                    Ports = [PortOf(flow.Port.Number, flow.Port.Protocol)],
                }),
                .. source.Outbound.Select(rule => new V1NetworkPolicyEgressRule
                {
                    To = [new V1NetworkPolicyPeer { IpBlock = BlockWithoutMetadataEndpoint(rule.Cidr) }],
                    Ports = [PortOf(rule.Port, rule.Protocol)],
                }),
            ],
        },
    };

    private static V1ObjectMeta Metadata(Workload owner, string name) => new()
    {
        Name = name,
        NamespaceProperty = owner.Namespace.Name,
        Labels = RecommendedLabels.For(owner.App, owner.Name),
    };

    /// <summary>A peer in the same namespace is selected by pod labels; across namespaces the namespace is named too.</summary>
    private static V1NetworkPolicyPeer Peer(Workload workload, Namespace policyNamespace) => new()
    {
        PodSelector = Select(workload.SelectorLabels),
        NamespaceSelector = ReferenceEquals(workload.Namespace, policyNamespace)
            ? null
            : new V1LabelSelector { MatchLabels = new Dictionary<string, string> { [Namespace.NameLabel] = workload.Namespace.Name } },
    };

    private static V1NetworkPolicyPeer NamespacePeer(string ns) => new()
    {
        NamespaceSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { [Namespace.NameLabel] = ns } },
    };

    private static V1LabelSelector Select(IReadOnlyDictionary<string, string> labels) =>
        new() { MatchLabels = new Dictionary<string, string>(labels, StringComparer.Ordinal) };

    private static V1NetworkPolicyPort PortOf(int number, PortProtocol protocol) => new() { Port = number, Protocol = protocol.ToApiValue() };

    private static V1IPBlock BlockWithoutMetadataEndpoint(string cidrText)
    {
        var parsed = Cidr.TryParse(cidrText, out var cidr);
        return new V1IPBlock
        {
            Cidr = cidrText,
            Except = parsed && cidr.Contains(Cidr.MetadataEndpoint) && cidr.PrefixLength < 32 ? [Cidr.MetadataEndpoint + "/32"] : null,
        };
    }
}
