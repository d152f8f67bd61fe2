using SecureManifests.Rules.Semantics;
namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM3001: a pod spec that runs as the namespace's <c>default</c> ServiceAccount, by naming it or by naming none.
/// Every workload should have its own account so that RBAC grants to one do not leak to all.
/// </summary>
internal sealed class DefaultServiceAccountRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.DefaultServiceAccount;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        if (target.PodSpec is not { } spec)
        {
            return;
        }

        // serviceAccount is the deprecated alias; the API server uses it when serviceAccountName is empty.
        var account = string.IsNullOrEmpty(spec.ServiceAccountName) ? spec.ServiceAccount : spec.ServiceAccountName;
        if (!string.IsNullOrEmpty(account) && !string.Equals(account, RbacBindings.DefaultServiceAccount, StringComparison.Ordinal))
        {
            return;
        }

        var state = string.IsNullOrEmpty(account) ? "is not set" : "is default";
        context.Report(target, target.PodSpecPath + ".serviceAccountName",
            $"serviceAccountName {state} in the pod spec of {target.Description}, so it runs as the namespace's default ServiceAccount: " +
            "create a ServiceAccount for the workload and set serviceAccountName to it");
    }
}
