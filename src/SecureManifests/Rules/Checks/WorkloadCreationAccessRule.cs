using SecureManifests.Rules.Semantics;
using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM3006: a Role or ClusterRole rule that allows <c>create</c> on pods or on a kind that creates pods (Deployments,
/// ReplicaSets, StatefulSets, DaemonSets, Jobs, CronJobs, ReplicationControllers, PodTemplates), in the kind's own
/// API group, wildcards included. Whoever creates pods can run them with any ServiceAccount of the namespace.
/// </summary>
internal sealed class WorkloadCreationAccessRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.WorkloadCreationAccess;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (rule, path) in RbacPolicyRules.Of(target))
        {
            var granted = RbacRisks.PodCreatingResourcesGranted(rule);
            if (granted.Count > 0)
            {
                context.Report(target, path + ".resources",
                    $"{path} of {target.Description} allows create on {string.Join(", ", granted)}, and whoever creates pods can run them " +
                    "as any ServiceAccount of the namespace: remove create, or grant it only to a deployment pipeline's account");
            }
        }
    }
}
