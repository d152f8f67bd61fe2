using SecureManifests.Rules.Semantics;
namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM1011: the pod, or every container, sets seccomp type RuntimeDefault or Localhost
/// (PSA <c>seccompProfile_restricted</c>, from v1.19; Windows pods exempt from v1.25 as upstream).
/// An explicit Unconfined is left to SM1010, so one mistake gives one finding.
/// </summary>
internal sealed class SeccompNotSetRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.SeccompNotSet;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        var spec = target.PodSpec;
        if (spec is null || !context.Version.IsAtLeast(19) || (target.IsWindowsPod && context.Version.IsAtLeast(25)))
        {
            return;
        }

        var podType = spec.SecurityContext?.SeccompProfile?.Type;
        if (podType is not null && !SecurityProfiles.IsConfiningSeccomp(podType) && !SecurityProfiles.IsUnconfined(podType))
        {
            context.Report(target, target.PodSpecPath + ".securityContext.seccompProfile.type",
                $"securityContext.seccompProfile.type is '{podType}' in the pod spec of {target.Description}: set it to RuntimeDefault or Localhost");
        }

        List<string>? unset = null;
        foreach (var c in target.Containers)
        {
            var type = c.SecurityContext?.SeccompProfile?.Type;
            if (type is null)
            {
                if (podType is null)
                {
                    (unset ??= new List<string>()).Add(c.Description);
                }
            }
            else if (!SecurityProfiles.IsConfiningSeccomp(type) && !SecurityProfiles.IsUnconfined(type))
            {
                context.Report(target, c.Path + ".securityContext.seccompProfile.type",
                    $"securityContext.seccompProfile.type is '{type}' in {c.Description}: set it to RuntimeDefault or Localhost", c.Name);
            }
        }

        if (unset is not null)
        {
            context.Report(target, target.PodSpecPath + ".securityContext.seccompProfile",
                $"no seccomp profile is set in the pod spec of {target.Description} nor in {string.Join(", ", unset)}: " +
                "set securityContext.seccompProfile.type: RuntimeDefault in the pod's securityContext");
        }
    }
}
