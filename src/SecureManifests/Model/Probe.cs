using k8s.Models;

namespace SecureManifests.Model;

/// <summary>A liveness, readiness or startup check. Ports are named so that they must exist on the container.</summary>
public sealed class Probe
{
    private readonly Func<V1Probe> _create;

    private Probe(string? port, Func<V1Probe> create)
    {
        Port = port;
        _create = create;
    }

    /// <summary>The container port the probe targets by name; null for exec probes.</summary>
    public string? Port { get; }

    public int? InitialDelaySeconds { get; init; }

    public int? PeriodSeconds { get; init; }

    public int? TimeoutSeconds { get; init; }

    public int? FailureThreshold { get; init; }

    /// <summary>An HTTP GET of <paramref name="path"/> on the named container port.</summary>
    public static Probe Http(string path, string port)
    {
        Arguments.NotNull(path, nameof(Probe));
        Arguments.NotNull(port, nameof(Probe));
        return new(port, () => new V1Probe { HttpGet = new V1HTTPGetAction { Path = path, Port = port } });
    }

    /// <summary>A TCP connect to the named container port.</summary>
    public static Probe Tcp(string port)
    {
        Arguments.NotNull(port, nameof(Probe));
        return new(port, () => new V1Probe { TcpSocket = new V1TCPSocketAction { Port = port } });
    }

    /// <summary>A command run in the container; exit code 0 is healthy.</summary>
    public static Probe Exec(params string[] command)
    {
        Arguments.NoNulls(command, nameof(Probe));
        Arguments.ProcessStrings(command, nameof(Probe), "exec.command");
        return new(null, () => new V1Probe { Exec = new V1ExecAction { Command = [.. command] } });
    }

    internal V1Probe ToModel()
    {
        var probe = _create();
        probe.InitialDelaySeconds = InitialDelaySeconds;
        probe.PeriodSeconds = PeriodSeconds;
        probe.TimeoutSeconds = TimeoutSeconds;
        probe.FailureThreshold = FailureThreshold;
        return probe;
    }
}
