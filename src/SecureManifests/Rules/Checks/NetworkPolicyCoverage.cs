using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>The direction a NetworkPolicy isolates pods in.</summary>
internal enum PolicyDirection
{
    /// <summary>Incoming traffic.</summary>
    Ingress,

    /// <summary>Outgoing traffic.</summary>
    Egress,
}

/// <summary>
/// Which pods the NetworkPolicies of a set isolate in one direction, shared by SM4002 (ingress) and SM4009 (egress).
/// A pod is isolated when a policy of its namespace selects it and has the direction in its effective policyTypes.
/// Holds the namespaces a policy covers entirely and the pods selected elsewhere, not the uncovered pods.
/// </summary>
internal sealed class NetworkPolicyCoverage
{
    private readonly HashSet<string> _coveredNamespaces = new(StringComparer.Ordinal);
    private readonly HashSet<PodMember> _coveredPods = new();

    internal NetworkPolicyCoverage(ObjectSetIndex index, PolicyDirection direction)
    {
        foreach (var ns in index.PodNamespaces)
        {
            // Each policy marks the pods it selects, found through the label index, so the cost follows the
            // number of matches rather than pods times policies.
            foreach (var policy in index.NetworkPoliciesIn(ns))
            {
                if (policy.Spec is not { } spec || !Isolates(spec, direction))
                {
                    continue;
                }

                // A missing podSelector is rejected by the API server; like {} it would select every pod.
                if (spec.PodSelector is null || LabelSelectors.IsEmpty(spec.PodSelector))
                {
                    _coveredNamespaces.Add(ns);
                    break;
                }

                foreach (var pod in index.PodsMatching(ns, spec.PodSelector))
                {
                    _coveredPods.Add(pod);
                }
            }
        }
    }

    /// <summary>
    /// The effective policyTypes, as the API server defaults them: when the field is absent, Ingress always,
    /// plus Egress when the policy has egress rules.
    /// </summary>
    public static bool Isolates(V1NetworkPolicySpec spec, PolicyDirection direction)
    {
        var wanted = direction == PolicyDirection.Ingress ? "Ingress" : "Egress";
        if (spec.PolicyTypes is { Count: > 0 } types)
        {
            return types.Contains(wanted);
        }

        return direction == PolicyDirection.Ingress || spec.Egress is { Count: > 0 };
    }

    /// <summary>Whether a policy of its namespace isolates <paramref name="pod"/>.</summary>
    public bool Isolates(PodMember pod) => _coveredNamespaces.Contains(pod.SetNamespace) || _coveredPods.Contains(pod);

    /// <summary>How SM4002 and SM4009 name the namespace of <paramref name="pod"/>.</summary>
    public static string NamespaceName(PodMember pod) => string.IsNullOrEmpty(pod.Namespace) ? "(no namespace)" : pod.Namespace;
}
