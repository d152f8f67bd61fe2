using k8s.Models;

namespace SecureManifests.Model;

/// <summary>
/// What a container runs right after it starts (postStart) or before it is stopped (preStop). HTTP handlers name a
/// declared container port and never set <c>host</c> (SM1017).
/// </summary>
public sealed class LifecycleHandler
{
    private readonly Func<V1LifecycleHandler> _create;

    private LifecycleHandler(string? port, Func<V1LifecycleHandler> create)
    {
        Port = port;
        _create = create;
    }

    /// <summary>The container port an HTTP handler calls by name; null otherwise.</summary>
    public string? Port { get; }

    /// <summary>A command run in the container.</summary>
    public static LifecycleHandler Exec(params string[] command)
    {
        Arguments.NoNulls(command, nameof(LifecycleHandler));
        Arguments.ProcessStrings(command, nameof(LifecycleHandler), "exec.command");
        if (command is null || command.Length == 0 || command.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("a lifecycle command needs at least one non-empty element", nameof(command));
        }

        return new LifecycleHandler(null, () => new V1LifecycleHandler { Exec = new V1ExecAction { Command = [.. command] } });
    }

    /// <summary>An HTTP GET of <paramref name="path"/> on the named container port.</summary>
    public static LifecycleHandler Http(string path, string port)
    {
        Arguments.NotNull(path, nameof(LifecycleHandler));
        Arguments.NotNull(port, nameof(LifecycleHandler));
        if (string.IsNullOrEmpty(path) || path[0] != '/')
        {
            throw new ArgumentException($"'{path}' must start with '/'", nameof(path));
        }

        return new LifecycleHandler(port, () => new V1LifecycleHandler { HttpGet = new V1HTTPGetAction { Path = path, Port = port } });
    }

    /// <summary>Waits, e.g. so that endpoints are removed before the process gets SIGTERM (no shell needed in the image).</summary>
    public static LifecycleHandler Sleep(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "a sleep handler waits at least one second");
        }

        var seconds = (long)Math.Ceiling(duration.TotalSeconds);
        return new LifecycleHandler(null, () => new V1LifecycleHandler { Sleep = new V1SleepAction { Seconds = seconds } });
    }

    internal V1LifecycleHandler ToModel() => _create();
}
