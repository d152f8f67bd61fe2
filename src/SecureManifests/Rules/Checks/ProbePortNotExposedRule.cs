using System.Globalization;
using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>SM2009: a probe's port, by number or by name, must be one of its container's ports.</summary>
public sealed class ProbePortNotExposedRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.ProbePortNotExposed;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        foreach (var c in target.Containers)
        {
            CheckProbe(target, context, c, c.LivenessProbe, "livenessProbe");
            CheckProbe(target, context, c, c.ReadinessProbe, "readinessProbe");
            CheckProbe(target, context, c, c.StartupProbe, "startupProbe");
        }
    }

    private static void CheckProbe(RuleTarget target, RuleContext context, ContainerRef c, V1Probe? probe, string field)
    {
        if (probe is null)
        {
            return;
        }

        if (probe.HttpGet?.Port?.Value is { } httpPort)
        {
            CheckPort(target, context, c, httpPort, field + ".httpGet.port");
        }

        if (probe.TcpSocket?.Port?.Value is { } tcpPort)
        {
            CheckPort(target, context, c, tcpPort, field + ".tcpSocket.port");
        }

        if (probe.Grpc is { } grpc)
        {
            CheckPort(target, context, c, grpc.Port.ToString(CultureInfo.InvariantCulture), field + ".grpc.port");
        }
    }

    private static void CheckPort(RuleTarget target, RuleContext context, ContainerRef c, string port, string field)
    {
        var isNumber = int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number);
        if (c.Ports is not null)
        {
            foreach (var declared in c.Ports)
            {
                if (declared is null)
                {
                    continue;
                }

                if (isNumber ? declared.ContainerPort == number : string.Equals(declared.Name, port, StringComparison.Ordinal))
                {
                    return;
                }
            }
        }

        var what = isNumber ? "port " + port : "named port '" + port + "'";
        context.Report(target, c.Path + "." + field,
            $"{field} of {c.Description} targets {what}, which is not in its ports: " +
            "declare the port in ports[] (with a name) or probe a declared one", c.Name);
    }
}
