using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM2013: a standalone Job sets <c>ttlSecondsAfterFinished</c>. Jobs owned by a CronJob are cleaned up
/// by its history limits, and a CronJob's job template is not a Job object, so neither is flagged.
/// </summary>
internal sealed class JobWithoutTtlRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.JobWithoutTtl;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        if (target.Source is not V1Job job || job.Spec?.TtlSecondsAfterFinished is not null || IsOwnedByCronJob(job))
        {
            return;
        }

        context.Report(target, "spec.ttlSecondsAfterFinished",
            $"spec.ttlSecondsAfterFinished is not set on {target.Description}: set it (for example 3600) so the finished Job and its pods are deleted");
    }

    private static bool IsOwnedByCronJob(V1Job job)
    {
        if (job.Metadata?.OwnerReferences is not { } owners)
        {
            return false;
        }

        foreach (var owner in owners)
        {
            if (string.Equals(owner?.Kind, "CronJob", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
