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
    public void Check(SetMember member, ObjectSetIndex index, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(context);
        if (member is not PodMember { HasPodSpec: true } t || t.AutomountServiceAccountToken == false)
        {
            return;
        }

        var account = string.IsNullOrEmpty(t.Account) ? RbacBindings.DefaultServiceAccount : t.Account;
        if (t.AutomountServiceAccountToken is null && index.DisablesTokenAutomount(t.SetNamespace, account))
        {
            return;
        }

        var state = t.AutomountServiceAccountToken is null ? "is not set" : "is true";
        context.Report(t, t.AutomountPath,
            $"automountServiceAccountToken {state} in the pod spec of {t.Description} (ServiceAccount '{account}'): " +
            "set it to false unless the workload calls the Kubernetes API");
    }
}
