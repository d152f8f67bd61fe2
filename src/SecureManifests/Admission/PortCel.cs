using SecureManifests.Rules;
using SecureManifests.Rules.Semantics;
using static SecureManifests.Admission.PodSpecVariables;

namespace SecureManifests.Admission;

/// <summary>
/// The CEL of the container-port rules, from <see cref="Ports"/>: SM2009 (a probe's port is one of its container's TCP
/// ports), SM2011 (no 22/TCP) and SM2012 (no privileged port). Containers, then their ports: two levels. SM2009 writes
/// each probe and handler out as a validation of its own, so no comprehension runs over the probes.
/// </summary>
internal static class PortCel
{
    private static readonly string[] Probes = ["livenessProbe", "readinessProbe", "startupProbe"];

    // The handlers whose port is an IntOrString: a number, or the name of a container port.
    private static readonly string[] NamedPortHandlers = ["httpGet", "tcpSocket"];

    private const string GrpcHandler = "grpc";

    // A port written as digits is a number, as the check's int.TryParse reads it; nine digits keep int() in range,
    // and a longer one can match no declared port either way.
    private const string NumberPattern = "^[0-9]{1,9}$";

    /// <summary>The validations of <paramref name="ruleId"/>, or null when this family does not cover it.</summary>
    public static IReadOnlyList<CelValidation>? For(string ruleId) => ruleId switch
    {
        RuleIds.ProbePortNotExposed => ProbePorts(),
        RuleIds.SshPortExposed =>
        [
            CelValidation.Of(ruleId,
                AllPorts("!(" + Cel.IsSet("p", "containerPort", "== " + Cel.Int(Ports.Ssh)) + " && " + Tcp + ")"),
                "containers[*].ports[*].containerPort", "must not be " + Cel.Int(Ports.Ssh) + "/" + Ports.DefaultProtocol + " (SSH)"),
        ],
        RuleIds.PrivilegedPort =>
        [
            CelValidation.Of(ruleId,
                AllPorts("!(" + Cel.IsSet("p", "containerPort", ">= " + Cel.Int(Ports.LowestPrivileged)) + " && p.containerPort <= " + Cel.Int(Ports.HighestPrivileged) + ")"),
                "containers[*].ports[*].containerPort",
                "must not be " + Cel.Int(Ports.LowestPrivileged) + "-" + Cel.Int(Ports.HighestPrivileged) + ": listen on 1024 or above"),
        ],
        _ => null,
    };

    // Ports.IsTcp: unset or TCP, ignoring case.
    private static readonly string Tcp =
        "(!has(p.protocol) || p.protocol == '' || p.protocol.upperAscii() == " + Cel.Str(Ports.DefaultProtocol.ToUpperInvariant()) + ")";

    private static CelValidation[] ProbePorts()
    {
        var result = new List<CelValidation>();
        foreach (var probe in Probes)
        {
            foreach (var handler in NamedPortHandlers)
            {
                var field = probe + "." + handler + ".port";
                var port = "string(c." + field + ")";
                result.Add(Probe(field,
                    "(" + port + ".matches(" + Cel.Str(NumberPattern) + ") ? " + Cel.IsSet("p", "containerPort", "== int(" + port + ")") +
                    " : " + Cel.IsSet("p", "name", "== " + port) + ")"));
            }

            var grpc = probe + "." + GrpcHandler;
            result.Add(Probe(grpc + ".port",
                Cel.IsSet("p", "containerPort", "== (has(c." + grpc + ".port) ? c." + grpc + ".port : 0)"), grpc));
        }

        return result.ToArray();
    }

    // The probe handler is unset, or a TCP port of the container is the one it targets.
    private static CelValidation Probe(string field, string targets, string? presence = null) =>
        CelValidation.Of(RuleIds.ProbePortNotExposed,
            AllContainers("!(" + Cel.Has("c", presence ?? field) + ") || (has(c.ports) && c.ports.exists(p, " + targets + " && " + Tcp + "))"),
            "containers[*]." + field, "must be a TCP port of the container (by number or name)");

    // Every port of every container satisfies the predicate over p.
    private static string AllPorts(string predicate) => AllContainers("!has(c.ports) || c.ports.all(p, " + predicate + ")");
}
