using SecureManifests.Rules.Semantics;
using System.Globalization;

namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM2015: secret volumes (and secrets projected into volumes) grant no group-write and no "other"
/// permission. An unset mode is 0644, the API default, and so is flagged.
/// </summary>
internal sealed class SecretVolumeWorldReadableRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.SecretVolumeWorldReadable;

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
            var path = target.PodSpecPath + ".volumes[" + Index(i) + "]";
            if (volume?.Secret is { } secret)
            {
                if (FileModes.IsTooOpenForSecrets(secret.DefaultMode))
                {
                    Report(target, context, path + ".secret.defaultMode", volume.Name, secret.DefaultMode);
                }

                CheckItems(target, context, secret.Items, path + ".secret", volume.Name);
            }

            if (volume?.Projected is { } projected && projected.Sources is { } sources)
            {
                for (var s = 0; s < sources.Count; s++)
                {
                    if (sources[s]?.Secret is not { } projectedSecret)
                    {
                        continue;
                    }

                    if (FileModes.IsTooOpenForSecrets(projected.DefaultMode))
                    {
                        Report(target, context, path + ".projected.defaultMode", volume.Name, projected.DefaultMode);
                    }

                    CheckItems(target, context, projectedSecret.Items, path + ".projected.sources[" + Index(s) + "].secret", volume.Name);
                }
            }
        }
    }

    private static void CheckItems(RuleTarget target, RuleContext context, IList<k8s.Models.V1KeyToPath>? items, string path, string? volume)
    {
        if (items is null)
        {
            return;
        }

        for (var j = 0; j < items.Count; j++)
        {
            // An item without a mode takes the volume's defaultMode, which is judged above.
            if (items[j]?.Mode is { } mode && FileModes.IsTooOpenForSecrets(mode))
            {
                Report(target, context, path + ".items[" + Index(j) + "].mode", volume, mode);
            }
        }
    }

    private static void Report(RuleTarget target, RuleContext context, string path, string? volume, int? mode)
    {
        var octal = FileModes.Octal(mode);
        var state = mode is null ? "is not set, so it is " + octal : "is " + octal;
        var field = path[(path.LastIndexOf('.') + 1)..];
        context.Report(target, path,
            $"{field} of secret volume '{volume}' in {target.Description} {state}, readable beyond the owner: set it to 0400 (or 0440 with fsGroup)");
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
