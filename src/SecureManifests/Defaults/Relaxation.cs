namespace SecureManifests.Defaults;

/// <summary>
/// A secure default that a scope (app, namespace or workload) gives up, always with a written reason.
/// Each one is recorded as <c>securemanifests.io/ignore-&lt;RuleID&gt;</c> on the objects it affects.
/// </summary>
public enum Relaxation
{
    /// <summary>Containers run privileged (SM1001, and privilege escalation with it, SM1007).</summary>
    Privileged,

    /// <summary>The pod shares the node's network namespace (SM1002).</summary>
    HostNetwork,

    /// <summary>The pod shares the node's process namespace (SM1002).</summary>
    HostPid,

    /// <summary>The pod shares the node's IPC namespace (SM1002).</summary>
    HostIpc,

    /// <summary>The root filesystem is writable (SM1019). Prefer declaring writable paths.</summary>
    WritableRootFilesystem,

    /// <summary>Processes may gain more privileges than their parent (SM1007).</summary>
    PrivilegeEscalation,

    /// <summary>Containers may run as root (SM1008, SM1009).</summary>
    RunAsRoot,

    /// <summary>The pod gets a service-account token mounted (SM1020).</summary>
    ServiceAccountToken,

    /// <summary>No seccomp filter (SM1010, SM1011).</summary>
    UnconfinedSeccomp,

    /// <summary>Images may use <c>latest</c> or no tag (SM2001).</summary>
    MutableImageTag,
}
