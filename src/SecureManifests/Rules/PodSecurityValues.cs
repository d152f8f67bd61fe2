using System.Collections.Frozen;

namespace SecureManifests.Rules;

/// <summary>
/// The allowed values of the Pod Security Standards, with the version that introduced each, as the
/// Pod Security Admission policy defines them. Frozen sets: these are looked up for every container.
/// </summary>
public static class PodSecurityValues
{
    /// <summary>Capabilities Baseline lets a container add.</summary>
    public static readonly FrozenSet<string> BaselineCapabilities = FrozenSet.ToFrozenSet(
        new[]
        {
            "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE",
            "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
        },
        StringComparer.Ordinal);

    /// <summary>The one capability Restricted lets a container add.</summary>
    public const string RestrictedAddableCapability = "NET_BIND_SERVICE";

    /// <summary>Volume sources Restricted allows, by their YAML field name.</summary>
    public static readonly IReadOnlyList<string> RestrictedVolumeSources = new[]
    {
        "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim", "projected", "secret",
    };

    /// <summary>SELinux types Baseline allows, with the minor version that allowed each.</summary>
    private static readonly FrozenDictionary<string, int> SeLinuxTypes = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["container_t"] = 0,
        ["container_init_t"] = 0,
        ["container_kvm_t"] = 0,
        ["container_engine_t"] = 31,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Safe sysctls, with the minor version that made each safe.</summary>
    private static readonly FrozenDictionary<string, int> SafeSysctls = new Dictionary<string, int>(StringComparer.Ordinal)
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
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="name"/> is a safe sysctl at <paramref name="version"/>.</summary>
    public static bool IsSafeSysctl(string? name, PssVersion version) =>
        name is not null && SafeSysctls.TryGetValue(name, out var since) && version.IsAtLeast(since);

    /// <summary>The safe sysctls at <paramref name="version"/>, sorted, for messages.</summary>
    public static IReadOnlyList<string> SafeSysctlsAt(PssVersion version) =>
        SafeSysctls.Where(p => version.IsAtLeast(p.Value)).Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Whether <paramref name="type"/> is an SELinux type Baseline allows at <paramref name="version"/> (empty is allowed).</summary>
    public static bool IsAllowedSeLinuxType(string? type, PssVersion version) =>
        string.IsNullOrEmpty(type) || (SeLinuxTypes.TryGetValue(type, out var since) && version.IsAtLeast(since));

    /// <summary>The allowed SELinux types at <paramref name="version"/>, for messages.</summary>
    public static string AllowedSeLinuxTypesText(PssVersion version) =>
        string.Join(", ", SeLinuxTypes.Where(p => version.IsAtLeast(p.Value)).Select(p => p.Key).Order(StringComparer.Ordinal));
}
