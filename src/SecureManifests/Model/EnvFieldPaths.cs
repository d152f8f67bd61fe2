namespace SecureManifests.Model;

/// <summary>Pod fields an environment variable can read through the Downward API (<c>fieldRef</c>).</summary>
public enum EnvFieldPath
{
    /// <summary><c>metadata.name</c>.</summary>
    PodName,

    /// <summary><c>metadata.namespace</c>.</summary>
    PodNamespace,

    /// <summary><c>metadata.uid</c>.</summary>
    PodUid,

    /// <summary><c>spec.nodeName</c>.</summary>
    NodeName,

    /// <summary><c>spec.serviceAccountName</c>.</summary>
    ServiceAccountName,

    /// <summary><c>status.podIP</c>.</summary>
    PodIp,

    /// <summary><c>status.hostIP</c>.</summary>
    HostIp,
}

/// <summary>Container resources an environment variable can read through the Downward API (<c>resourceFieldRef</c>).</summary>
public enum ResourceFieldPath
{
    /// <summary><c>requests.cpu</c>.</summary>
    CpuRequest,

    /// <summary><c>limits.cpu</c> (the node's allocatable CPU when no limit is set).</summary>
    CpuLimit,

    /// <summary><c>requests.memory</c>.</summary>
    MemoryRequest,

    /// <summary><c>limits.memory</c>.</summary>
    MemoryLimit,

    /// <summary><c>requests.ephemeral-storage</c>.</summary>
    EphemeralStorageRequest,

    /// <summary><c>limits.ephemeral-storage</c>.</summary>
    EphemeralStorageLimit,
}

internal static class DownwardApiPaths
{
    public static string ToApiValue(this EnvFieldPath field) => field switch
    {
        EnvFieldPath.PodName => "metadata.name",
        EnvFieldPath.PodNamespace => "metadata.namespace",
        EnvFieldPath.PodUid => "metadata.uid",
        EnvFieldPath.NodeName => "spec.nodeName",
        EnvFieldPath.ServiceAccountName => "spec.serviceAccountName",
        EnvFieldPath.PodIp => "status.podIP",
        EnvFieldPath.HostIp => "status.hostIP",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    public static string ToApiValue(this ResourceFieldPath resource) => resource switch
    {
        ResourceFieldPath.CpuRequest => "requests.cpu",
        ResourceFieldPath.CpuLimit => "limits.cpu",
        ResourceFieldPath.MemoryRequest => "requests.memory",
        ResourceFieldPath.MemoryLimit => "limits.memory",
        ResourceFieldPath.EphemeralStorageRequest => "requests.ephemeral-storage",
        ResourceFieldPath.EphemeralStorageLimit => "limits.ephemeral-storage",
        _ => throw new ArgumentOutOfRangeException(nameof(resource), resource, null),
    };
}
