using SecureManifests.Rules.Semantics;
namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM1014: <c>procMount</c> only <c>Default</c> (PSA <c>procMount</c> and <c>procMount_restricted</c>).
/// From v1.35 Baseline allows any value in a pod with <c>hostUsers: false</c>, because the unmasked /proc
/// then belongs to the pod's own user namespace; Restricted, and so every wider profile, never does.
/// </summary>
internal sealed class UnmaskedProcMountRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.UnmaskedProcMount;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        var spec = target.PodSpec;
        if (spec is null)
        {
            return;
        }

        if (context.Profile == RuleProfile.Baseline && context.Version.IsAtLeast(35) && spec.HostUsers == false)
        {
            return;
        }

        foreach (var c in target.Containers)
        {
            var procMount = c.SecurityContext?.ProcMount;
            if (SecurityProfiles.IsUnmaskedProcMount(procMount))
            {
                context.Report(target, c.Path + ".securityContext.procMount",
                    $"securityContext.procMount is '{procMount}' in {c.Description}: set it to Default or remove it", c.Name);
            }
        }
    }
}
