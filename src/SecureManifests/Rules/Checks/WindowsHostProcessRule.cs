namespace SecureManifests.Rules.Checks;

/// <summary>SM1016: no <c>windowsOptions.hostProcess: true</c> on the pod or any container (PSA <c>windowsHostProcess</c>).</summary>
internal sealed class WindowsHostProcessRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.WindowsHostProcess;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        var spec = target.PodSpec;
        if (spec is null)
        {
            return;
        }

        if (spec.SecurityContext?.WindowsOptions?.HostProcess == true)
        {
            context.Report(target, target.PodSpecPath + ".securityContext.windowsOptions.hostProcess",
                $"securityContext.windowsOptions.hostProcess is true in the pod spec of {target.Description}: set it to false or remove it");
        }

        foreach (var c in target.Containers)
        {
            if (c.SecurityContext?.WindowsOptions?.HostProcess == true)
            {
                context.Report(target, c.Path + ".securityContext.windowsOptions.hostProcess",
                    $"securityContext.windowsOptions.hostProcess is true in {c.Description}: set it to false or remove it", c.Name);
            }
        }
    }
}
