#nullable enable
// Stable public rule identifiers (see docs/rules/<ID>.md). Never renumber or reuse an ID.
// Kept free of any dependency so that the netstandard2.0 analyzers can compile the same file.
namespace SecureManifests.Rules;

/// <summary>The rule IDs of the SecureManifests catalogue, by rule name.</summary>
public static class RuleIds
{
    /// <summary>SM1001 privileged-container.</summary>
    public const string PrivilegedContainer = "SM1001";
    /// <summary>SM1002 host-namespaces.</summary>
    public const string HostNamespaces = "SM1002";
    /// <summary>SM1003 host-path-volume.</summary>
    public const string HostPathVolume = "SM1003";
    /// <summary>SM1004 host-port.</summary>
    public const string HostPort = "SM1004";
    /// <summary>SM1005 dangerous-capability-added.</summary>
    public const string DangerousCapabilityAdded = "SM1005";
    /// <summary>SM1006 capabilities-not-dropped.</summary>
    public const string CapabilitiesNotDropped = "SM1006";
    /// <summary>SM1007 privilege-escalation-allowed.</summary>
    public const string PrivilegeEscalationAllowed = "SM1007";
    /// <summary>SM1008 run-as-non-root-not-set.</summary>
    public const string RunAsNonRootNotSet = "SM1008";
    /// <summary>SM1009 run-as-root-user.</summary>
    public const string RunAsRootUser = "SM1009";
    /// <summary>SM1010 seccomp-unconfined.</summary>
    public const string SeccompUnconfined = "SM1010";
    /// <summary>SM1011 seccomp-not-set.</summary>
    public const string SeccompNotSet = "SM1011";
    /// <summary>SM1012 apparmor-unconfined.</summary>
    public const string ApparmorUnconfined = "SM1012";
    /// <summary>SM1013 selinux-custom-options.</summary>
    public const string SelinuxCustomOptions = "SM1013";
    /// <summary>SM1014 unmasked-proc-mount.</summary>
    public const string UnmaskedProcMount = "SM1014";
    /// <summary>SM1015 unsafe-sysctl.</summary>
    public const string UnsafeSysctl = "SM1015";
    /// <summary>SM1016 windows-host-process.</summary>
    public const string WindowsHostProcess = "SM1016";
    /// <summary>SM1017 probe-host-override.</summary>
    public const string ProbeHostOverride = "SM1017";
    /// <summary>SM1018 restricted-volume-type.</summary>
    public const string RestrictedVolumeType = "SM1018";
    /// <summary>SM1019 writable-root-filesystem.</summary>
    public const string WritableRootFilesystem = "SM1019";
    /// <summary>SM1020 service-account-token-automount.</summary>
    public const string ServiceAccountTokenAutomount = "SM1020";
    /// <summary>SM1021 host-path-persistent-volume.</summary>
    public const string HostPathPersistentVolume = "SM1021";
    /// <summary>SM2001 mutable-image-tag.</summary>
    public const string MutableImageTag = "SM2001";
    /// <summary>SM2002 image-not-pinned-by-digest.</summary>
    public const string ImageNotPinnedByDigest = "SM2002";
    /// <summary>SM2003 missing-resource-requests.</summary>
    public const string MissingResourceRequests = "SM2003";
    /// <summary>SM2004 missing-memory-limit.</summary>
    public const string MissingMemoryLimit = "SM2004";
    /// <summary>SM2005 secret-literal-in-env.</summary>
    public const string SecretLiteralInEnv = "SM2005";
    /// <summary>SM2006 secret-via-env.</summary>
    public const string SecretViaEnv = "SM2006";
    /// <summary>SM2007 duplicate-env-var.</summary>
    public const string DuplicateEnvVar = "SM2007";
    /// <summary>SM2008 selector-mismatch.</summary>
    public const string SelectorMismatch = "SM2008";
    /// <summary>SM2009 probe-port-not-exposed.</summary>
    public const string ProbePortNotExposed = "SM2009";
    /// <summary>SM2010 deprecated-service-account-field.</summary>
    public const string DeprecatedServiceAccountField = "SM2010";
    /// <summary>SM2011 ssh-port-exposed.</summary>
    public const string SshPortExposed = "SM2011";
    /// <summary>SM2012 privileged-port.</summary>
    public const string PrivilegedPort = "SM2012";
    /// <summary>SM2013 job-without-ttl.</summary>
    public const string JobWithoutTtl = "SM2013";
    /// <summary>SM2014 deprecated-api-version.</summary>
    public const string DeprecatedApiVersion = "SM2014";
    /// <summary>SM2015 secret-volume-world-readable.</summary>
    public const string SecretVolumeWorldReadable = "SM2015";
    /// <summary>SM2016 secret-in-configmap.</summary>
    public const string SecretInConfigmap = "SM2016";
    /// <summary>SM2017 missing-recommended-labels.</summary>
    public const string MissingRecommendedLabels = "SM2017";
    /// <summary>SM2018 unknown-field.</summary>
    public const string UnknownField = "SM2018";
    /// <summary>SM3001 default-service-account.</summary>
    public const string DefaultServiceAccount = "SM3001";
    /// <summary>SM3002 missing-service-account.</summary>
    public const string MissingServiceAccount = "SM3002";
    /// <summary>SM3003 cluster-admin-binding.</summary>
    public const string ClusterAdminBinding = "SM3003";
    /// <summary>SM3004 wildcard-rbac-rule.</summary>
    public const string WildcardRbacRule = "SM3004";
    /// <summary>SM3005 secrets-access.</summary>
    public const string SecretsAccess = "SM3005";
    /// <summary>SM3006 workload-creation-access.</summary>
    public const string WorkloadCreationAccess = "SM3006";
    /// <summary>SM3007 pod-exec-access.</summary>
    public const string PodExecAccess = "SM3007";
    /// <summary>SM3008 rbac-escalation-verb.</summary>
    public const string RbacEscalationVerb = "SM3008";
    /// <summary>SM3009 risky-binding-subject.</summary>
    public const string RiskyBindingSubject = "SM3009";
    /// <summary>SM3010 dangling-role-binding.</summary>
    public const string DanglingRoleBinding = "SM3010";
    /// <summary>SM3011 role-binding-count.</summary>
    public const string RoleBindingCount = "SM3011";
    /// <summary>SM3012 rbac-escalation-resource.</summary>
    public const string RbacEscalationResource = "SM3012";
    /// <summary>SM4001 default-namespace.</summary>
    public const string DefaultNamespace = "SM4001";
    /// <summary>SM4002 pod-not-isolated.</summary>
    public const string PodNotIsolated = "SM4002";
    /// <summary>SM4003 dangling-network-policy.</summary>
    public const string DanglingNetworkPolicy = "SM4003";
    /// <summary>SM4004 dangling-service.</summary>
    public const string DanglingService = "SM4004";
    /// <summary>SM4005 exposed-service.</summary>
    public const string ExposedService = "SM4005";
    /// <summary>SM4006 ingress-without-tls.</summary>
    public const string IngressWithoutTls = "SM4006";
    /// <summary>SM4007 namespace-without-pod-security.</summary>
    public const string NamespaceWithoutPodSecurity = "SM4007";
    /// <summary>SM4008 dangling-ingress.</summary>
    public const string DanglingIngress = "SM4008";
    /// <summary>SM4009 egress-not-restricted.</summary>
    public const string EgressNotRestricted = "SM4009";
    /// <summary>SM4010 metadata-endpoint-reachable.</summary>
    public const string MetadataEndpointReachable = "SM4010";
}
