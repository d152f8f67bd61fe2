namespace SecureManifests.Rules.Checks;

/// <summary>SM1009: no <c>runAsUser: 0</c> on the pod or any container (PSA <c>runAsUser</c>, from v1.23).</summary>
internal sealed class RunAsRootUserRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.RunAsRootUser;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        var spec = target.PodSpec;
        if (spec is null || !context.Version.IsAtLeast(23))
        {
            return;
        }

        if (spec.SecurityContext?.RunAsUser == 0)
        {
            context.Report(target, target.PodSpecPath + ".securityContext.runAsUser",
                $"securityContext.runAsUser is 0 (root) in the pod spec of {target.Description}: use a non-zero user ID such as 10001");
        }

        foreach (var c in target.Containers)
        {
            if (c.SecurityContext?.RunAsUser == 0)
            {
                context.Report(target, c.Path + ".securityContext.runAsUser",
                    $"securityContext.runAsUser is 0 (root) in {c.Description}: use a non-zero user ID such as 10001", c.Name);
            }
        }
    }
}
