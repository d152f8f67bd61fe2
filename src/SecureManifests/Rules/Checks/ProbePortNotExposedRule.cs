using SecureManifests.Rules.Semantics;
using System.Globalization;
using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>SM2009: a probe's port, by number or by name, must be one of its container's TCP ports (probes connect over TCP).</summary>
internal sealed class ProbePortNotExposedRule : IObjectRule
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
        string? otherProtocol = null;
        if (c.Ports is not null)
        {
            foreach (var declared in c.Ports)
            {
                if (declared is null ||
                    !(isNumber ? declared.ContainerPort == number : string.Equals(declared.Name, port, StringComparison.Ordinal)))
                {
                    continue;
                }

                // Every probe kind (tcpSocket, httpGet, grpc) connects over TCP; protocol unset means TCP.
                if (Ports.IsTcp(declared.Protocol))
                {
                    return;
                }

                otherProtocol ??= declared.Protocol;
            }
        }

        var what = isNumber ? "port " + port : "named port '" + port + "'";
        if (otherProtocol is not null)
        {
            context.Report(target, c.Path + "." + field,
                $"{field} of {c.Description} targets {what}, which is declared {otherProtocol}: a probe connects over TCP, " +
                "so it can never succeed; probe a TCP port or declare this one TCP", c.Name);
            return;
        }

        context.Report(target, c.Path + "." + field,
            $"{field} of {c.Description} targets {what}, which is not in its ports: " +
            "declare the port in ports[] (with a name) or probe a declared one", c.Name);
    }
}
