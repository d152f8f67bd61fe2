using SecureManifests.Rules.Semantics;

namespace SecureManifests.Rules.Checks;

/// <summary>SM2004: every container has a memory limit. Ephemeral containers cannot have resources and are skipped.</summary>
internal sealed class MissingMemoryLimitRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.MissingMemoryLimit;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        foreach (var c in target.Containers)
        {
            if (c.Kind != ContainerKind.Ephemeral && !(c.Resources?.Limits?.ContainsKey(ContainerResources.Memory) ?? false))
            {
                context.Report(target, c.Path + ".resources.limits.memory",
                    $"resources.limits.memory is not set in {c.Description}: set a memory limit such as 256Mi", c.Name);
            }
        }
    }
}
