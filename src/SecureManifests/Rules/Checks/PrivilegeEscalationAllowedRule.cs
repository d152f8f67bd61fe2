namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM1007: every container sets <c>allowPrivilegeEscalation: false</c> (PSA <c>allowPrivilegeEscalation</c>,
/// from v1.8; Windows pods exempt from v1.25 as upstream).
/// </summary>
internal sealed class PrivilegeEscalationAllowedRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.PrivilegeEscalationAllowed;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        if (!context.Version.IsAtLeast(8) || (target.IsWindowsPod && context.Version.IsAtLeast(25)))
        {
            return;
        }

        foreach (var c in target.Containers)
        {
            var value = c.SecurityContext?.AllowPrivilegeEscalation;
            if (value != false)
            {
                var state = value is null ? "is not set" : "is true";
                context.Report(target, c.Path + ".securityContext.allowPrivilegeEscalation",
                    $"securityContext.allowPrivilegeEscalation {state} in {c.Description}: set it to false", c.Name);
            }
        }
    }
}
