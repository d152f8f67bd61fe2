using SecureManifests.Rules.Semantics;
namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM1010: no seccomp type <c>Unconfined</c>, in the fields or in the legacy
/// <c>seccomp.security.alpha.kubernetes.io</c> annotations (PSA <c>seccompProfile_baseline</c>).
/// </summary>
internal sealed class SeccompUnconfinedRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.SeccompUnconfined;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        var spec = target.PodSpec;
        if (spec is null)
        {
            return;
        }

        if (SecurityProfiles.IsUnconfined(spec.SecurityContext?.SeccompProfile?.Type))
        {
            context.Report(target, target.PodSpecPath + ".securityContext.seccompProfile.type",
                $"securityContext.seccompProfile.type is Unconfined in the pod spec of {target.Description}: set it to RuntimeDefault or Localhost");
        }

        foreach (var c in target.Containers)
        {
            if (SecurityProfiles.IsUnconfined(c.SecurityContext?.SeccompProfile?.Type))
            {
                context.Report(target, c.Path + ".securityContext.seccompProfile.type",
                    $"securityContext.seccompProfile.type is Unconfined in {c.Description}: set it to RuntimeDefault or Localhost (or leave it to the pod)", c.Name);
            }
        }

        if (target.PodMetadata?.Annotations is not { Count: > 0 } annotations)
        {
            return;
        }

        List<string>? unconfined = null;
        foreach (var (key, value) in annotations)
        {
            if (SecurityProfiles.IsSeccompAnnotation(key) && SecurityProfiles.IsUnconfinedSeccompAnnotation(value))
            {
                (unconfined ??= new List<string>()).Add(key);
            }
        }

        if (unconfined is null)
        {
            return;
        }

        // Annotation order is not defined; sort so the output is the same every run.
        unconfined.Sort(StringComparer.Ordinal);
        foreach (var key in unconfined)
        {
            context.Report(target, target.PodMetadataPath + ".annotations[" + key + "]",
                $"annotation {key} is 'unconfined' on {target.Description}: set it to runtime/default, " +
                "or better, remove it and set securityContext.seccompProfile.type: RuntimeDefault");
        }
    }
}
