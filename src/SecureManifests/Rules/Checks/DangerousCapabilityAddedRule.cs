using SecureManifests.Rules.Semantics;
namespace SecureManifests.Rules.Checks;

/// <summary>SM1005: <c>capabilities.add</c> only within the Baseline set (PSA <c>capabilities_baseline</c>).</summary>
internal sealed class DangerousCapabilityAddedRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.DangerousCapabilityAdded;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        foreach (var c in target.Containers)
        {
            var forbidden = Capabilities.ForbiddenByBaseline(c.SecurityContext?.Capabilities?.Add);
            if (forbidden.Count > 0)
            {
                context.Report(target, c.Path + ".securityContext.capabilities.add",
                    $"securityContext.capabilities.add of {c.Description} holds {string.Join(", ", forbidden)}: " +
                    "remove it; Baseline allows adding only " + string.Join(", ", Capabilities.BaselineAddable), c.Name);
            }
        }
    }
}
