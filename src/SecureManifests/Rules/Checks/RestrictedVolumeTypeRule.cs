using System.Reflection;
using SecureManifests.Rules.Semantics;
using System.Globalization;
using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM1018: volumes only of the types Restricted allows (PSA <c>restrictedVolumes</c>). hostPath volumes
/// are reported by SM1003, which every profile that has this rule also has, so they are not reported twice.
/// </summary>
internal sealed class RestrictedVolumeTypeRule : IObjectRule
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
                string.Join(", ", VolumeSources.RestrictedAllowed) + " (for network storage, a persistentVolumeClaim)");
        }
    }

    /// <summary>The volume source properties of <see cref="V1Volume"/>, with their field names, found once.</summary>
    private static readonly (string Field, PropertyInfo Property)[] Sources = typeof(V1Volume).GetProperties()
        .Select(p => (Field: VolumeSources.FieldOf(p.Name), Property: p))
        .Where(s => VolumeSources.All.Contains(s.Field, StringComparer.Ordinal))
        .ToArray();

    // The first volume source Restricted does not allow, by its field name; null when the volume is allowed.
    private static string? ForbiddenType(V1Volume v)
    {
        foreach (var (field, property) in Sources)
        {
            if (VolumeSources.IsForbiddenByRestricted(field) && property.GetValue(v) is not null)
            {
                return field;
            }
        }

        return null;
    }
}
