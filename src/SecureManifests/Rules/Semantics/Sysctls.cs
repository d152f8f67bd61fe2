#nullable enable
using System;
using System.Collections.Generic;

namespace SecureManifests.Rules.Semantics;

/// <summary>The safe sysctls of the Pod Security Standards, with the minor version that made each safe (SM1015).</summary>
internal static class Sysctls
{
    private static readonly Dictionary<string, int> SafeSince = new(StringComparer.Ordinal)
    {
        ["kernel.shm_rmid_forced"] = 0,
        ["net.ipv4.ip_local_port_range"] = 0,
        ["net.ipv4.tcp_syncookies"] = 0,
        ["net.ipv4.ping_group_range"] = 0,
        ["net.ipv4.ip_unprivileged_port_start"] = 0,
        ["net.ipv4.ip_local_reserved_ports"] = 27,
        ["net.ipv4.tcp_keepalive_time"] = 29,
        ["net.ipv4.tcp_fin_timeout"] = 29,
        ["net.ipv4.tcp_keepalive_intvl"] = 29,
        ["net.ipv4.tcp_keepalive_probes"] = 29,
        ["net.ipv4.tcp_rmem"] = 32,
        ["net.ipv4.tcp_wmem"] = 32,
        ["net.ipv4.tcp_slow_start_after_idle"] = 37,
        ["net.ipv4.tcp_notsent_lowat"] = 37,
    };

    /// <summary>Whether <paramref name="name"/> is safe at PSS <c>v1.<paramref name="minor"/></c>.</summary>
    public static bool IsSafe(string? name, int minor) =>
        name is not null && SafeSince.TryGetValue(name, out var since) && minor >= since;

    /// <summary>The safe sysctls at <c>v1.<paramref name="minor"/></c>, sorted.</summary>
    public static IReadOnlyList<string> SafeAt(int minor) => VersionedSets.At(SafeSince, minor);
}
