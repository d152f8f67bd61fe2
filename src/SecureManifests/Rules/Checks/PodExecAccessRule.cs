using SecureManifests.Rules.Semantics;
namespace SecureManifests.Rules.Checks;

/// <summary>SM3007: a Role or ClusterRole rule that allows any verb on <c>pods/exec</c>, <c>pods/attach</c> or <c>pods/portforward</c>.</summary>
internal sealed class PodExecAccessRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.PodExecAccess;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (rule, path) in RbacPolicyRules.Of(target))
        {
            var granted = RbacRisks.ExecSubresourcesGranted(rule);
            if (granted.Count > 0)
            {
                context.Report(target, path + ".resources",
                    $"{path} of {target.Description} grants {string.Join(", ", granted)}, which gives a shell or a tunnel into running pods: " +
                    "remove these subresources and debug through logs or ephemeral containers under review");
            }
        }
    }
}
