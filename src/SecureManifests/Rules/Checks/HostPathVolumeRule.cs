using SecureManifests.Rules.Semantics;
namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM1003: no <c>hostPath</c> volumes (PSA <c>hostPathVolumes</c>). The message says when the path is
/// sensitive (system directories, kubelet state, container runtime sockets) and when it is mounted writable.
/// </summary>
internal sealed class HostPathVolumeRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.HostPathVolume;

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
            if (volume?.HostPath is null)
            {
                continue;
            }

            var hostPath = volume.HostPath.Path ?? string.Empty;
            var detail = HostPaths.Sensitivity(hostPath) is { } why ? " (" + why + ")" : string.Empty;
            var writable = WritableMounts(target, volume.Name);
            var message = $"volumes[{i}] '{volume.Name}' mounts host path '{hostPath}'{detail}{writable}: " +
                          "replace hostPath with an emptyDir, configMap, secret or persistentVolumeClaim volume";
            context.Report(target, target.PodSpecPath + ".volumes[" + Index(i) + "].hostPath", message);
        }
    }

    private static string WritableMounts(RuleTarget target, string? volumeName)
    {
        List<string>? writers = null;
        foreach (var c in target.Containers)
        {
            if (c.VolumeMounts is null)
            {
                continue;
            }

            foreach (var mount in c.VolumeMounts)
            {
                if (mount is not null && mount.ReadOnlyProperty != true && string.Equals(mount.Name, volumeName, StringComparison.Ordinal))
                {
                    (writers ??= new List<string>()).Add(c.Description);
                    break;
                }
            }
        }

        return writers is null ? string.Empty : ", mounted writable by " + string.Join(", ", writers);
    }

    private static string Index(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
