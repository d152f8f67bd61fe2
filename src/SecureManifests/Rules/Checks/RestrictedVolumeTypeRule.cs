using System.Globalization;
using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM1018: volumes only of the types Restricted allows (PSA <c>restrictedVolumes</c>). hostPath volumes
/// are reported by SM1003, which every profile that has this rule also has, so they are not reported twice.
/// </summary>
public sealed class RestrictedVolumeTypeRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.RestrictedVolumeType;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        var volumes = target.PodSpec?.Volumes;
        if (volumes is null)
        {
            return;
        }

        for (var i = 0; i < volumes.Count; i++)
        {
            var volume = volumes[i];
            var type = volume is null ? null : ForbiddenType(volume);
            if (type is null)
            {
                continue;
            }

            var index = i.ToString(CultureInfo.InvariantCulture);
            context.Report(target, target.PodSpecPath + ".volumes[" + index + "]." + type,
                $"volumes[{index}] '{volume!.Name}' of {target.Description} is a {type} volume: use one of " +
                string.Join(", ", PodSecurityValues.RestrictedVolumeSources) + " (for network storage, a persistentVolumeClaim)");
        }
    }

    // The first volume source Restricted does not allow, by its YAML name; null when the volume is allowed.
    private static string? ForbiddenType(V1Volume v)
    {
        if (v.GcePersistentDisk is not null) return "gcePersistentDisk";
        if (v.AwsElasticBlockStore is not null) return "awsElasticBlockStore";
        if (v.GitRepo is not null) return "gitRepo";
        if (v.Nfs is not null) return "nfs";
        if (v.Iscsi is not null) return "iscsi";
        if (v.Glusterfs is not null) return "glusterfs";
        if (v.Rbd is not null) return "rbd";
        if (v.FlexVolume is not null) return "flexVolume";
        if (v.Cinder is not null) return "cinder";
        if (v.Cephfs is not null) return "cephfs";
        if (v.Flocker is not null) return "flocker";
        if (v.Fc is not null) return "fc";
        if (v.AzureFile is not null) return "azureFile";
        if (v.VsphereVolume is not null) return "vsphereVolume";
        if (v.Quobyte is not null) return "quobyte";
        if (v.AzureDisk is not null) return "azureDisk";
        if (v.PhotonPersistentDisk is not null) return "photonPersistentDisk";
        if (v.PortworxVolume is not null) return "portworxVolume";
        if (v.ScaleIO is not null) return "scaleIO";
        if (v.Storageos is not null) return "storageos";
        return null;
    }
}
