namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM1008: <c>runAsNonRoot: true</c> on the pod or on every container, and never an explicit false
/// (PSA <c>runAsNonRoot</c>).
/// </summary>
internal sealed class RunAsNonRootNotSetRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.RunAsNonRootNotSet;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        var spec = target.PodSpec;
        if (spec is null)
        {
            return;
        }

        var podValue = spec.SecurityContext?.RunAsNonRoot;
        if (podValue == false)
        {
            context.Report(target, target.PodSpecPath + ".securityContext.runAsNonRoot",
                $"securityContext.runAsNonRoot is false in the pod spec of {target.Description}: set it to true");
        }

        List<string>? unset = null;
        foreach (var c in target.Containers)
        {
            var value = c.SecurityContext?.RunAsNonRoot;
            if (value == false)
            {
                context.Report(target, c.Path + ".securityContext.runAsNonRoot",
                    $"securityContext.runAsNonRoot is false in {c.Description}: set it to true", c.Name);
            }
            else if (value is null && podValue != true)
            {
                (unset ??= new List<string>()).Add(c.Description);
            }
        }

        // One finding for the pod: the fix is one line at pod level, not one per container.
        if (unset is not null && podValue is null)
        {
            context.Report(target, target.PodSpecPath + ".securityContext.runAsNonRoot",
                $"securityContext.runAsNonRoot is not set in the pod spec of {target.Description} nor in " +
                $"{string.Join(", ", unset)}: set it to true in the pod's securityContext");
        }
    }
}
