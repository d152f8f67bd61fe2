using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>SM1021: a PersistentVolume must not use a <c>hostPath</c> or <c>local</c> source.</summary>
internal sealed class HostPathPersistentVolumeRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.HostPathPersistentVolume;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        if (target.Source is not V1PersistentVolume { Spec: { } spec })
        {
            return;
        }

        if (spec.HostPath is not null)
        {
            context.Report(target, "spec.hostPath",
                $"spec.hostPath '{spec.HostPath.Path}' of {target.Description} exposes a node directory: " +
                "use a StorageClass backed by a CSI driver instead");
        }

        if (spec.Local is not null)
        {
            context.Report(target, "spec.local",
                $"spec.local '{spec.Local.Path}' of {target.Description} exposes a node directory: " +
                "use a StorageClass backed by a CSI driver instead");
        }
    }
}
