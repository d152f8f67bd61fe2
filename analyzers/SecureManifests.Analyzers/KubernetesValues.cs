using System;
using System.Collections.Generic;

namespace SecureManifests.Analyzers;

/// <summary>
/// The value sets the analyzers compare against, as the rule spec defines them. The engine keeps the same
/// sets in <c>PodSecurityValues</c>, which uses frozen collections and cannot be linked into netstandard2.0;
/// tests/SecureManifests.Analyzers.Tests (ValueSetTests) checks that both agree.
/// </summary>
internal static class KubernetesValues
{
    public static readonly HashSet<string> BaselineCapabilities = new(StringComparer.Ordinal)
    {
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE",
        "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    };

    public const string RestrictedAddableCapability = "NET_BIND_SERVICE";

    /// <summary>Every sysctl that is safe in the newest Pod Security version (v1.37).</summary>
    public static readonly HashSet<string> SafeSysctls = new(StringComparer.Ordinal)
    {
        "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
        "net.ipv4.ip_unprivileged_port_start", "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time",
        "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem",
        "net.ipv4.tcp_wmem", "net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat",
    };

    public static readonly HashSet<string> AllowedSeLinuxTypes = new(StringComparer.Ordinal)
    {
        "container_t", "container_init_t", "container_kvm_t", "container_engine_t",
    };

    /// <summary>V1Volume properties of the volume sources Restricted forbids (hostPath is SM1003's).</summary>
    public static readonly HashSet<string> RestrictedVolumeProperties = new(StringComparer.Ordinal)
    {
        "AwsElasticBlockStore", "AzureDisk", "AzureFile", "Cephfs", "Cinder", "Fc", "FlexVolume", "Flocker",
        "GcePersistentDisk", "GitRepo", "Glusterfs", "Iscsi", "Nfs", "PhotonPersistentDisk", "PortworxVolume",
        "Quobyte", "Rbd", "ScaleIO", "Storageos", "VsphereVolume",
    };

    public static readonly HashSet<string> PowerfulClusterRoles = new(StringComparer.Ordinal) { "cluster-admin", "admin", "edit" };

    public static readonly HashSet<string> RiskySubjects = new(StringComparer.Ordinal)
    {
        "system:anonymous", "system:unauthenticated", "system:authenticated", "system:masters",
    };

    public static readonly HashSet<string> EscalationVerbs = new(StringComparer.Ordinal) { "escalate", "bind", "impersonate" };

    public static readonly HashSet<string> SecretReadVerbs = new(StringComparer.Ordinal) { "get", "list", "watch", "*" };

    public static readonly HashSet<string> PodCreatingResources = new(StringComparer.Ordinal)
    {
        "pods", "deployments", "replicasets", "statefulsets", "daemonsets", "jobs", "cronjobs", "replicationcontrollers", "podtemplates", "*",
    };

    public static readonly HashSet<string> PodExecResources = new(StringComparer.Ordinal) { "pods/exec", "pods/attach", "pods/portforward" };

    public static readonly HashSet<string> WriteVerbs = new(StringComparer.Ordinal) { "create", "update", "patch", "delete", "deletecollection", "*" };

    public static readonly HashSet<string> WebhookConfigurations = new(StringComparer.Ordinal)
    {
        "mutatingwebhookconfigurations", "validatingwebhookconfigurations", "validatingadmissionpolicies", "validatingadmissionpolicybindings",
    };

    public static readonly HashSet<string> EnforcingPodSecurityLevels = new(StringComparer.Ordinal) { "baseline", "restricted" };

    public const string PodSecurityEnforceLabel = "pod-security.kubernetes.io/enforce";

    /// <summary>An image with no tag, or tag <c>latest</c>, and no digest (SM2001).</summary>
    public static bool IsMutableImage(string image)
    {
        if (image.IndexOf('@') >= 0)
        {
            return false;
        }

        var lastSlash = image.LastIndexOf('/');
        var colon = image.IndexOf(':', lastSlash + 1);
        return colon < 0 || string.Equals(image.Substring(colon + 1), "latest", StringComparison.Ordinal);
    }

    /// <summary>An image without a sha256 digest (SM2002).</summary>
    public static bool IsNotPinnedByDigest(string image) => image.IndexOf("@sha256:", StringComparison.Ordinal) < 0;

    /// <summary>
    /// An env var whose name looks secret and whose value is a literal (SM2005). Names ending _FILE/_PATH/_DIR
    /// and absolute-path values reference mounted secret files and are fine.
    /// </summary>
    public static bool IsSecretLiteral(string name, string value, SecretNamePattern pattern)
    {
        if (value.Length == 0 || value[0] == '/')
        {
            return false;
        }

        foreach (var suffix in new[] { "_FILE", "_PATH", "_DIR" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return pattern.LooksSecret(name);
    }
}
