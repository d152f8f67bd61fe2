using SecureManifests.Rules.Semantics;
using System.Globalization;

namespace SecureManifests.Rules.Checks;

/// <summary>SM2011: no container port 22/TCP.</summary>
internal sealed class SshPortExposedRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.SshPortExposed;

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
                var port = c.Ports[i];
                if (port is not null && Ports.IsSsh(port.ContainerPort, port.Protocol))
                {
                    context.Report(target, c.Path + ".ports[" + i.ToString(CultureInfo.InvariantCulture) + "].containerPort",
                        $"{c.Description} exposes port 22/TCP (SSH): remove it and use kubectl exec or an ephemeral debug container", c.Name);
                }
            }
        }
    }
}
