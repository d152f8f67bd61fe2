#nullable enable
using System;

namespace SecureManifests.Rules.Semantics;

/// <summary>Host paths whose mount hands a container the node (SM1003 names them in its message).</summary>
internal static class HostPaths
{
    private static readonly string[] SensitiveDirectories =
    {
        "/etc", "/proc", "/sys", "/boot", "/dev", "/lib", "/usr", "/var/lib/kubelet", "/var/run", "/run",
    };

    private static readonly string[] RuntimeSockets = { "docker.sock", "containerd.sock", "crio.sock", "cri-dockerd.sock" };

    /// <summary>Why mounting <paramref name="path"/> is especially dangerous, or null for an ordinary path.</summary>
    public static string? Sensitivity(string path)
    {
        foreach (var socket in RuntimeSockets)
        {
            if (path.EndsWith(socket, StringComparison.Ordinal))
            {
                return "the container runtime socket: full control of every container on the node";
            }
        }

        var trimmed = path.Length > 1 ? path.TrimEnd('/') : path;
        if (trimmed == "/")
        {
            return "the node's root file system";
        }

        foreach (var dir in SensitiveDirectories)
        {
            if (trimmed == dir || trimmed.StartsWith(dir + "/", StringComparison.Ordinal))
            {
                return "sensitive host path " + dir;
            }
        }

        return null;
    }
}
