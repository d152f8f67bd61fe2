using SecureManifests.Rules;

namespace SecureManifests.Defaults;

/// <summary>What each <see cref="Relaxation"/> waives, and the weakest Pod Security level that still admits it.</summary>
internal static class RelaxationEffects
{
    public static IReadOnlyList<string> RuleIdsOf(Relaxation relaxation) => relaxation switch
    {
        Relaxation.Privileged => [RuleIds.PrivilegedContainer, RuleIds.PrivilegeEscalationAllowed],
        Relaxation.HostNetwork or Relaxation.HostPid or Relaxation.HostIpc => [RuleIds.HostNamespaces],
        Relaxation.WritableRootFilesystem => [RuleIds.WritableRootFilesystem],
        Relaxation.PrivilegeEscalation => [RuleIds.PrivilegeEscalationAllowed],
        Relaxation.RunAsRoot => [RuleIds.RunAsNonRootNotSet, RuleIds.RunAsRootUser],
        Relaxation.ServiceAccountToken => [RuleIds.ServiceAccountTokenAutomount],
        Relaxation.UnconfinedSeccomp => [RuleIds.SeccompUnconfined, RuleIds.SeccompNotSet],
        Relaxation.MutableImageTag => [RuleIds.MutableImageTag],
        _ => throw new ArgumentOutOfRangeException(nameof(relaxation), relaxation, null),
    };

    /// <summary>
    /// The namespace's enforced Pod Security level must admit the relaxed pod, or the cluster rejects it.
    /// Audit and warn labels stay <c>restricted</c> so the cluster keeps reporting it.
    /// </summary>
    public static PodSecurityLevel RequiredLevel(Relaxation relaxation) => relaxation switch
    {
        Relaxation.Privileged or Relaxation.HostNetwork or Relaxation.HostPid or Relaxation.HostIpc
            or Relaxation.UnconfinedSeccomp => PodSecurityLevel.Privileged,
        Relaxation.PrivilegeEscalation or Relaxation.RunAsRoot => PodSecurityLevel.Baseline,
        _ => PodSecurityLevel.Restricted,
    };

    /// <summary>Capabilities that Pod Security Baseline allows to be added (capabilities_baseline).</summary>
    public static readonly IReadOnlySet<string> BaselineCapabilities = new HashSet<string>(StringComparer.Ordinal)
    {
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE",
        "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    };

    public static PodSecurityLevel WeakestOf(PodSecurityLevel a, PodSecurityLevel b) => a > b ? a : b;
}
