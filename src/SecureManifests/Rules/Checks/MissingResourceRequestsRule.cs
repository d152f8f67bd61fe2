using SecureManifests.Rules.Semantics;

namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM2003: every container requests cpu and memory. A limit counts as a request, because the API server
/// defaults a missing request to the limit. Ephemeral containers cannot have resources and are skipped.
/// </summary>
internal sealed class MissingResourceRequestsRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.MissingResourceRequests;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        foreach (var c in target.Containers)
        {
            if (c.Kind == ContainerKind.Ephemeral)
            {
                continue;
            }

            var cpu = Has(c, ContainerResources.Cpu);
            var memory = Has(c, ContainerResources.Memory);
            if (!cpu || !memory)
            {
                var missing = !cpu && !memory ? ContainerResources.Cpu + " and " + ContainerResources.Memory : !cpu ? ContainerResources.Cpu : ContainerResources.Memory;
                context.Report(target, c.Path + ".resources.requests",
                    $"resources.requests of {c.Description} has no {missing}: set resources.requests.{(cpu ? ContainerResources.Memory : ContainerResources.Cpu)}" +
                    (!cpu && !memory ? " and resources.requests.memory" : string.Empty), c.Name);
            }
        }
    }

    private static bool Has(ContainerRef c, string resource) =>
        (c.Resources?.Requests?.ContainsKey(resource) ?? false) || (c.Resources?.Limits?.ContainsKey(resource) ?? false);
}
