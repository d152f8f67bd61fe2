namespace SecureManifests.Rules.Checks;

/// <summary>SM1001: no container may set <c>securityContext.privileged: true</c> (PSA <c>privileged</c>).</summary>
internal sealed class PrivilegedContainerRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.PrivilegedContainer;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        foreach (var c in target.Containers)
        {
            if (c.SecurityContext?.Privileged == true)
            {
                context.Report(target, c.Path + ".securityContext.privileged",
                    $"securityContext.privileged is true in {c.Description}: set it to false", c.Name);
            }
        }
    }
}
