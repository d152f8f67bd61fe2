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
/// </summary>
internal static class NetworkPolicyCoverage
{
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

    /// <summary>Reports, through <paramref name="report"/>, every pod-running object no policy isolates in <paramref name="direction"/>.</summary>
    public static void ForEachUncovered(IReadOnlyList<RuleTarget> targets, PolicyDirection direction, Action<RuleTarget, string> report)
    {
        var index = ObjectSetIndex.For(targets);
        var uncovered = new List<RuleTarget>();
        foreach (var ns in index.PodNamespaces)
        {
            // Each policy marks the pods it selects, found through the label index, so the cost follows the
            // number of matches rather than pods times policies.
            var covered = new HashSet<RuleTarget>();
            var coversAll = false;
            foreach (var policy in index.NetworkPoliciesIn(ns))
            {
                if (policy.Source is not V1NetworkPolicy { Spec: { } spec } || !Isolates(spec, direction))
                {
                    continue;
                }

                // A missing podSelector is rejected by the API server; like {} it would select every pod.
                if (spec.PodSelector is null || LabelSelectors.IsEmpty(spec.PodSelector))
                {
                    coversAll = true;
                    break;
                }

                foreach (var pod in index.PodsMatching(ns, spec.PodSelector))
                {
                    covered.Add(pod.Target);
                }
            }

            if (coversAll)
            {
                continue;
            }

            foreach (var pod in index.PodsIn(ns))
            {
                if (!covered.Contains(pod.Target))
                {
                    uncovered.Add(pod.Target);
                }
            }
        }

        // Namespaces come out of a dictionary; report in set order so the output is the same every run.
        uncovered.Sort((a, b) => a.Index.CompareTo(b.Index));
        foreach (var target in uncovered)
        {
            report(target, string.IsNullOrEmpty(target.Namespace) ? "(no namespace)" : target.Namespace);
        }
    }
}
