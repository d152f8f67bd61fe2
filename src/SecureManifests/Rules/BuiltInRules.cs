using SecureManifests.Rules.Checks;

namespace SecureManifests.Rules;

/// <summary>The checks that ship with SecureManifests: one for every rule of the catalogue.</summary>
internal static class BuiltInRules
{
    /// <summary>Per-object checks.</summary>
    public static IReadOnlyList<IObjectRule> ObjectRules { get; } = new IObjectRule[]
    {
        new PrivilegedContainerRule(),
        new HostNamespacesRule(),
        new HostPathVolumeRule(),
        new HostPortRule(),
        new DangerousCapabilityAddedRule(),
        new CapabilitiesNotDroppedRule(),
        new PrivilegeEscalationAllowedRule(),
        new RunAsNonRootNotSetRule(),
        new RunAsRootUserRule(),
        new SeccompUnconfinedRule(),
        new SeccompNotSetRule(),
        new ApparmorUnconfinedRule(),
        new SelinuxCustomOptionsRule(),
        new UnmaskedProcMountRule(),
        new UnsafeSysctlRule(),
        new WindowsHostProcessRule(),
        new ProbeHostOverrideRule(),
        new RestrictedVolumeTypeRule(),
        new WritableRootFilesystemRule(),
        new HostPathPersistentVolumeRule(),
        new MutableImageTagRule(),
        new ImageNotPinnedByDigestRule(),
        new MissingResourceRequestsRule(),
        new MissingMemoryLimitRule(),
        new SecretLiteralInEnvRule(),
        new SecretViaEnvRule(),
        new DuplicateEnvVarRule(),
        new SelectorMismatchRule(),
        new ProbePortNotExposedRule(),
        new DeprecatedServiceAccountFieldRule(),
        new SshPortExposedRule(),
        new PrivilegedPortRule(),
        new JobWithoutTtlRule(),
        new DeprecatedApiVersionRule(),
        new SecretVolumeWorldReadableRule(),
        new SecretInConfigMapRule(),
        new MissingRecommendedLabelsRule(),
        new UnknownFieldRule(),
        new DefaultServiceAccountRule(),
        new ClusterAdminBindingRule(),
        new WildcardRbacRule(),
        new SecretsAccessRule(),
        new WorkloadCreationAccessRule(),
        new PodExecAccessRule(),
        new RbacEscalationVerbRule(),
        new RiskyBindingSubjectRule(),
        new RbacEscalationResourceRule(),
        new DefaultNamespaceRule(),
        new ExposedServiceRule(),
        new IngressWithoutTlsRule(),
        new NamespaceWithoutPodSecurityRule(),
        new MetadataEndpointReachableRule(),
    };

    /// <summary>Whole-set checks.</summary>
    public static IReadOnlyList<ISetRule> SetRules { get; } = new ISetRule[]
    {
        new ServiceAccountTokenAutomountRule(),
        new MissingServiceAccountRule(),
        new DanglingRoleBindingRule(),
        new RoleBindingCountRule(),
        new PodNotIsolatedRule(),
        new DanglingNetworkPolicyRule(),
        new DanglingServiceRule(),
        new DanglingIngressRule(),
        new EgressNotRestrictedRule(),
    };
}
