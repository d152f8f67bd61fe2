namespace SecureManifests.Model;

/// <summary>The effect of a node taint that a toleration matches.</summary>
public enum TaintEffect
{
    /// <summary>New pods are not scheduled on the node.</summary>
    NoSchedule,

    /// <summary>The scheduler tries not to place pods on the node.</summary>
    PreferNoSchedule,

    /// <summary>Running pods are evicted, unless they tolerate it.</summary>
    NoExecute,
}

/// <summary>When the kubelet pulls a container image.</summary>
public enum ImagePullPolicy
{
    /// <summary>Only when the image is not on the node (the Kubernetes default for tagged images).</summary>
    IfNotPresent,

    /// <summary>On every container start; the registry is asked for the digest each time.</summary>
    Always,

    /// <summary>Never; the image must already be on the node.</summary>
    Never,
}

/// <summary>How the pod resolves names (<c>spec.dnsPolicy</c>).</summary>
public enum DnsPolicy
{
    /// <summary>Cluster DNS first, then the node's upstream (the Kubernetes default).</summary>
    ClusterFirst,

    /// <summary>Cluster DNS for pods on the host network.</summary>
    ClusterFirstWithHostNet,

    /// <summary>The node's resolver configuration.</summary>
    Default,

    /// <summary>Only what <c>WithDnsNameservers</c>, <c>WithDnsSearches</c> and <c>WithDnsOption</c> configure.</summary>
    None,
}

/// <summary>Access mode of a PersistentVolumeClaim.</summary>
public enum VolumeAccessMode
{
    /// <summary>Read-write by one node.</summary>
    ReadWriteOnce,

    /// <summary>Read-only by many nodes.</summary>
    ReadOnlyMany,

    /// <summary>Read-write by many nodes.</summary>
    ReadWriteMany,

    /// <summary>Read-write by one pod.</summary>
    ReadWriteOncePod,
}

internal static class SchedulingOptionNames
{
    public static string ToApiValue(this TaintEffect effect) => effect.ToString();

    public static string ToApiValue(this ImagePullPolicy policy) => policy.ToString();

    public static string ToApiValue(this DnsPolicy policy) => policy.ToString();

    public static string ToApiValue(this VolumeAccessMode mode) => mode.ToString();
}
