using System.Globalization;

namespace SecureManifests.Rules.Checks;

/// <summary>SM1004: no container port may set a <c>hostPort</c> other than 0 (PSA <c>hostPorts</c>).</summary>
internal sealed class HostPortRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.HostPort;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        foreach (var c in target.Containers)
        {
            if (c.Ports is null)
            {
                continue;
            }

            for (var i = 0; i < c.Ports.Count; i++)
            {
                var hostPort = c.Ports[i]?.HostPort;
                if (hostPort is not null && hostPort != 0)
                {
                    context.Report(target, c.Path + ".ports[" + i.ToString(CultureInfo.InvariantCulture) + "].hostPort",
                        $"ports[{i.ToString(CultureInfo.InvariantCulture)}].hostPort is {hostPort.Value.ToString(CultureInfo.InvariantCulture)} in {c.Description}: " +
                        "remove hostPort (or set it to 0) and expose the port through a Service", c.Name);
                }
            }
        }
    }
}
