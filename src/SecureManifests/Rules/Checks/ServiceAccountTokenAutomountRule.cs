using SecureManifests.Rules.Semantics;
using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM1020: a pod spec sets <c>automountServiceAccountToken: false</c>, or its ServiceAccount does and
/// is in the set. A set rule because the ServiceAccount is another object.
/// </summary>
internal sealed class ServiceAccountTokenAutomountRule : ISetRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.ServiceAccountTokenAutomount;

    /// <inheritdoc />
    public void Check(IReadOnlyList<RuleTarget> targets, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(targets);
        HashSet<(string Namespace, string Name)>? offAccounts = null;
        foreach (var t in targets)
        {
            if (t.Source is V1ServiceAccount { AutomountServiceAccountToken: false })
            {
                (offAccounts ??= new HashSet<(string, string)>()).Add((t.Namespace ?? string.Empty, t.Name));
            }
        }

        foreach (var t in targets)
        {
            var spec = t.PodSpec;
            if (spec is null || spec.AutomountServiceAccountToken == false)
            {
                continue;
            }

            var account = string.IsNullOrEmpty(spec.ServiceAccountName) ? spec.ServiceAccount : spec.ServiceAccountName;
            account = string.IsNullOrEmpty(account) ? RbacBindings.DefaultServiceAccount : account;
            if (spec.AutomountServiceAccountToken is null && offAccounts is not null &&
                offAccounts.Contains((t.Namespace ?? string.Empty, account)))
            {
                continue;
            }

            var state = spec.AutomountServiceAccountToken is null ? "is not set" : "is true";
            context.Report(t, t.PodSpecPath + ".automountServiceAccountToken",
                $"automountServiceAccountToken {state} in the pod spec of {t.Description} (ServiceAccount '{account}'): " +
                "set it to false unless the workload calls the Kubernetes API");
        }
    }
}
