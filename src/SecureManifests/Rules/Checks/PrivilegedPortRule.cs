using SecureManifests.Rules.Semantics;
using System.Globalization;

namespace SecureManifests.Rules.Checks;

/// <summary>SM2012 (opt-in): no container port from 1 to 1023.</summary>
internal sealed class PrivilegedPortRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.PrivilegedPort;

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
                var number = c.Ports[i]?.ContainerPort ?? 0;
                if (Ports.IsPrivileged(number))
                {
                    var text = number.ToString(CultureInfo.InvariantCulture);
                    context.Report(target, c.Path + ".ports[" + i.ToString(CultureInfo.InvariantCulture) + "].containerPort",
                        $"{c.Description} listens on privileged port {text}: listen on a port of 1024 or more and map {text} in the Service", c.Name);
                }
            }
        }
    }
}
