using SecureManifests.Rules.Semantics;
namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM1006: every container drops ALL and adds at most NET_BIND_SERVICE (PSA <c>capabilities_restricted</c>,
/// from v1.22; Windows pods exempt from v1.25 as upstream).
/// </summary>
internal sealed class CapabilitiesNotDroppedRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.CapabilitiesNotDropped;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        if (!context.Version.IsAtLeast(22) || (target.IsWindowsPod && context.Version.IsAtLeast(25)))
        {
            return;
        }

        foreach (var c in target.Containers)
        {
            var capabilities = c.SecurityContext?.Capabilities;
            if (!Capabilities.DropsAll(capabilities?.Drop))
            {
                context.Report(target, c.Path + ".securityContext.capabilities.drop",
                    $"securityContext.capabilities.drop of {c.Description} does not include ALL: set drop to [ALL]", c.Name);
            }

            var forbidden = Capabilities.ForbiddenByRestricted(capabilities?.Add);
            if (forbidden.Count > 0)
            {
                context.Report(target, c.Path + ".securityContext.capabilities.add",
                    $"securityContext.capabilities.add of {c.Description} holds {string.Join(", ", forbidden)}: " +
                    "Restricted allows adding only " + Capabilities.RestrictedAddable, c.Name);
            }
        }
    }
}
