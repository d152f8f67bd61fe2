using SecureManifests.Rules.Semantics;
namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM1012: no AppArmor type <c>Unconfined</c>, and legacy AppArmor annotations only
/// <c>runtime/default</c> or <c>localhost/*</c> (PSA <c>appArmorProfile</c>).
/// </summary>
internal sealed class ApparmorUnconfinedRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.ApparmorUnconfined;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        var spec = target.PodSpec;
        if (spec is null)
        {
            return;
        }

        if (SecurityProfiles.IsUnconfined(spec.SecurityContext?.AppArmorProfile?.Type))
        {
            context.Report(target, target.PodSpecPath + ".securityContext.appArmorProfile.type",
                $"securityContext.appArmorProfile.type is Unconfined in the pod spec of {target.Description}: set it to RuntimeDefault or Localhost");
        }

        foreach (var c in target.Containers)
        {
            if (SecurityProfiles.IsUnconfined(c.SecurityContext?.AppArmorProfile?.Type))
            {
                context.Report(target, c.Path + ".securityContext.appArmorProfile.type",
                    $"securityContext.appArmorProfile.type is Unconfined in {c.Description}: set it to RuntimeDefault or Localhost", c.Name);
            }
        }

        if (target.PodMetadata?.Annotations is not { Count: > 0 } annotations)
        {
            return;
        }

        List<string>? bad = null;
        foreach (var (key, value) in annotations)
        {
            if (key.StartsWith(SecurityProfiles.AppArmorContainerAnnotationPrefix, StringComparison.Ordinal) && !SecurityProfiles.IsAllowedAppArmorAnnotation(value))
            {
                (bad ??= new List<string>()).Add(key);
            }
        }

        if (bad is null)
        {
            return;
        }

        // Annotation order is not defined; sort so the output is the same every run.
        bad.Sort(StringComparer.Ordinal);
        foreach (var key in bad)
        {
            context.Report(target, target.PodMetadataPath + ".annotations[" + key + "]",
                $"annotation {key} is '{annotations[key]}' on {target.Description}: set it to runtime/default or localhost/<profile>");
        }
    }
}
