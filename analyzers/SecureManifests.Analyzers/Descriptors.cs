using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SecureManifests.Rules;

namespace SecureManifests.Analyzers;

/// <summary>
/// The analyzers' diagnostic descriptors. Title, message, severity, description and help link come from
/// <see cref="RuleCatalog"/>; the ID is repeated as a <see cref="RuleIds"/> constant because release tracking
/// (RS1017) needs a compile-time ID at each creation site.
/// </summary>
internal static class Descriptors
{
    /// <summary>The analyzer category for every SecureManifests diagnostic (used by SuppressMessage and .editorconfig).</summary>
    public const string Category = "SecureManifests";

    /// <summary>Analyzer-only rule: a SuppressMessage for a SecureManifests rule without a justification.</summary>
    public const string SuppressionWithoutJustificationId = "SM0001";
    /// <summary>SM1001: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor PrivilegedContainer = new(
        RuleIds.PrivilegedContainer, CatalogText.Title(RuleIds.PrivilegedContainer), CatalogText.Message(RuleIds.PrivilegedContainer), Category,
        CatalogText.Severity(RuleIds.PrivilegedContainer), CatalogText.IsEnabledByDefault(RuleIds.PrivilegedContainer),
        CatalogText.Description(RuleIds.PrivilegedContainer), CatalogText.HelpLink(RuleIds.PrivilegedContainer));
    /// <summary>SM1002: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor HostNamespaces = new(
        RuleIds.HostNamespaces, CatalogText.Title(RuleIds.HostNamespaces), CatalogText.Message(RuleIds.HostNamespaces), Category,
        CatalogText.Severity(RuleIds.HostNamespaces), CatalogText.IsEnabledByDefault(RuleIds.HostNamespaces),
        CatalogText.Description(RuleIds.HostNamespaces), CatalogText.HelpLink(RuleIds.HostNamespaces));
    /// <summary>SM1003: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor HostPathVolume = new(
        RuleIds.HostPathVolume, CatalogText.Title(RuleIds.HostPathVolume), CatalogText.Message(RuleIds.HostPathVolume), Category,
        CatalogText.Severity(RuleIds.HostPathVolume), CatalogText.IsEnabledByDefault(RuleIds.HostPathVolume),
        CatalogText.Description(RuleIds.HostPathVolume), CatalogText.HelpLink(RuleIds.HostPathVolume));
    /// <summary>SM1004: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor HostPort = new(
        RuleIds.HostPort, CatalogText.Title(RuleIds.HostPort), CatalogText.Message(RuleIds.HostPort), Category,
        CatalogText.Severity(RuleIds.HostPort), CatalogText.IsEnabledByDefault(RuleIds.HostPort),
        CatalogText.Description(RuleIds.HostPort), CatalogText.HelpLink(RuleIds.HostPort));
    /// <summary>SM1005: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor DangerousCapabilityAdded = new(
        RuleIds.DangerousCapabilityAdded, CatalogText.Title(RuleIds.DangerousCapabilityAdded), CatalogText.Message(RuleIds.DangerousCapabilityAdded), Category,
        CatalogText.Severity(RuleIds.DangerousCapabilityAdded), CatalogText.IsEnabledByDefault(RuleIds.DangerousCapabilityAdded),
        CatalogText.Description(RuleIds.DangerousCapabilityAdded), CatalogText.HelpLink(RuleIds.DangerousCapabilityAdded));
    /// <summary>SM1006: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor CapabilitiesNotDropped = new(
        RuleIds.CapabilitiesNotDropped, CatalogText.Title(RuleIds.CapabilitiesNotDropped), CatalogText.Message(RuleIds.CapabilitiesNotDropped), Category,
        CatalogText.Severity(RuleIds.CapabilitiesNotDropped), CatalogText.IsEnabledByDefault(RuleIds.CapabilitiesNotDropped),
        CatalogText.Description(RuleIds.CapabilitiesNotDropped), CatalogText.HelpLink(RuleIds.CapabilitiesNotDropped));
    /// <summary>SM1007: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor PrivilegeEscalationAllowed = new(
        RuleIds.PrivilegeEscalationAllowed, CatalogText.Title(RuleIds.PrivilegeEscalationAllowed), CatalogText.Message(RuleIds.PrivilegeEscalationAllowed), Category,
        CatalogText.Severity(RuleIds.PrivilegeEscalationAllowed), CatalogText.IsEnabledByDefault(RuleIds.PrivilegeEscalationAllowed),
        CatalogText.Description(RuleIds.PrivilegeEscalationAllowed), CatalogText.HelpLink(RuleIds.PrivilegeEscalationAllowed));
    /// <summary>SM1008: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor RunAsNonRootNotSet = new(
        RuleIds.RunAsNonRootNotSet, CatalogText.Title(RuleIds.RunAsNonRootNotSet), CatalogText.Message(RuleIds.RunAsNonRootNotSet), Category,
        CatalogText.Severity(RuleIds.RunAsNonRootNotSet), CatalogText.IsEnabledByDefault(RuleIds.RunAsNonRootNotSet),
        CatalogText.Description(RuleIds.RunAsNonRootNotSet), CatalogText.HelpLink(RuleIds.RunAsNonRootNotSet));
    /// <summary>SM1009: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor RunAsRootUser = new(
        RuleIds.RunAsRootUser, CatalogText.Title(RuleIds.RunAsRootUser), CatalogText.Message(RuleIds.RunAsRootUser), Category,
        CatalogText.Severity(RuleIds.RunAsRootUser), CatalogText.IsEnabledByDefault(RuleIds.RunAsRootUser),
        CatalogText.Description(RuleIds.RunAsRootUser), CatalogText.HelpLink(RuleIds.RunAsRootUser));
    /// <summary>SM1010: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor SeccompUnconfined = new(
        RuleIds.SeccompUnconfined, CatalogText.Title(RuleIds.SeccompUnconfined), CatalogText.Message(RuleIds.SeccompUnconfined), Category,
        CatalogText.Severity(RuleIds.SeccompUnconfined), CatalogText.IsEnabledByDefault(RuleIds.SeccompUnconfined),
        CatalogText.Description(RuleIds.SeccompUnconfined), CatalogText.HelpLink(RuleIds.SeccompUnconfined));
    /// <summary>SM1012: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor ApparmorUnconfined = new(
        RuleIds.ApparmorUnconfined, CatalogText.Title(RuleIds.ApparmorUnconfined), CatalogText.Message(RuleIds.ApparmorUnconfined), Category,
        CatalogText.Severity(RuleIds.ApparmorUnconfined), CatalogText.IsEnabledByDefault(RuleIds.ApparmorUnconfined),
        CatalogText.Description(RuleIds.ApparmorUnconfined), CatalogText.HelpLink(RuleIds.ApparmorUnconfined));
    /// <summary>SM1013: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor SelinuxCustomOptions = new(
        RuleIds.SelinuxCustomOptions, CatalogText.Title(RuleIds.SelinuxCustomOptions), CatalogText.Message(RuleIds.SelinuxCustomOptions), Category,
        CatalogText.Severity(RuleIds.SelinuxCustomOptions), CatalogText.IsEnabledByDefault(RuleIds.SelinuxCustomOptions),
        CatalogText.Description(RuleIds.SelinuxCustomOptions), CatalogText.HelpLink(RuleIds.SelinuxCustomOptions));
    /// <summary>SM1014: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor UnmaskedProcMount = new(
        RuleIds.UnmaskedProcMount, CatalogText.Title(RuleIds.UnmaskedProcMount), CatalogText.Message(RuleIds.UnmaskedProcMount), Category,
        CatalogText.Severity(RuleIds.UnmaskedProcMount), CatalogText.IsEnabledByDefault(RuleIds.UnmaskedProcMount),
        CatalogText.Description(RuleIds.UnmaskedProcMount), CatalogText.HelpLink(RuleIds.UnmaskedProcMount));
    /// <summary>SM1015: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor UnsafeSysctl = new(
        RuleIds.UnsafeSysctl, CatalogText.Title(RuleIds.UnsafeSysctl), CatalogText.Message(RuleIds.UnsafeSysctl), Category,
        CatalogText.Severity(RuleIds.UnsafeSysctl), CatalogText.IsEnabledByDefault(RuleIds.UnsafeSysctl),
        CatalogText.Description(RuleIds.UnsafeSysctl), CatalogText.HelpLink(RuleIds.UnsafeSysctl));
    /// <summary>SM1016: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor WindowsHostProcess = new(
        RuleIds.WindowsHostProcess, CatalogText.Title(RuleIds.WindowsHostProcess), CatalogText.Message(RuleIds.WindowsHostProcess), Category,
        CatalogText.Severity(RuleIds.WindowsHostProcess), CatalogText.IsEnabledByDefault(RuleIds.WindowsHostProcess),
        CatalogText.Description(RuleIds.WindowsHostProcess), CatalogText.HelpLink(RuleIds.WindowsHostProcess));
    /// <summary>SM1017: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor ProbeHostOverride = new(
        RuleIds.ProbeHostOverride, CatalogText.Title(RuleIds.ProbeHostOverride), CatalogText.Message(RuleIds.ProbeHostOverride), Category,
        CatalogText.Severity(RuleIds.ProbeHostOverride), CatalogText.IsEnabledByDefault(RuleIds.ProbeHostOverride),
        CatalogText.Description(RuleIds.ProbeHostOverride), CatalogText.HelpLink(RuleIds.ProbeHostOverride));
    /// <summary>SM1018: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor RestrictedVolumeType = new(
        RuleIds.RestrictedVolumeType, CatalogText.Title(RuleIds.RestrictedVolumeType), CatalogText.Message(RuleIds.RestrictedVolumeType), Category,
        CatalogText.Severity(RuleIds.RestrictedVolumeType), CatalogText.IsEnabledByDefault(RuleIds.RestrictedVolumeType),
        CatalogText.Description(RuleIds.RestrictedVolumeType), CatalogText.HelpLink(RuleIds.RestrictedVolumeType));
    /// <summary>SM1019: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor WritableRootFilesystem = new(
        RuleIds.WritableRootFilesystem, CatalogText.Title(RuleIds.WritableRootFilesystem), CatalogText.Message(RuleIds.WritableRootFilesystem), Category,
        CatalogText.Severity(RuleIds.WritableRootFilesystem), CatalogText.IsEnabledByDefault(RuleIds.WritableRootFilesystem),
        CatalogText.Description(RuleIds.WritableRootFilesystem), CatalogText.HelpLink(RuleIds.WritableRootFilesystem));
    /// <summary>SM1020: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor ServiceAccountTokenAutomount = new(
        RuleIds.ServiceAccountTokenAutomount, CatalogText.Title(RuleIds.ServiceAccountTokenAutomount), CatalogText.Message(RuleIds.ServiceAccountTokenAutomount), Category,
        CatalogText.Severity(RuleIds.ServiceAccountTokenAutomount), CatalogText.IsEnabledByDefault(RuleIds.ServiceAccountTokenAutomount),
        CatalogText.Description(RuleIds.ServiceAccountTokenAutomount), CatalogText.HelpLink(RuleIds.ServiceAccountTokenAutomount));
    /// <summary>SM1021: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor HostPathPersistentVolume = new(
        RuleIds.HostPathPersistentVolume, CatalogText.Title(RuleIds.HostPathPersistentVolume), CatalogText.Message(RuleIds.HostPathPersistentVolume), Category,
        CatalogText.Severity(RuleIds.HostPathPersistentVolume), CatalogText.IsEnabledByDefault(RuleIds.HostPathPersistentVolume),
        CatalogText.Description(RuleIds.HostPathPersistentVolume), CatalogText.HelpLink(RuleIds.HostPathPersistentVolume));
    /// <summary>SM2001: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor MutableImageTag = new(
        RuleIds.MutableImageTag, CatalogText.Title(RuleIds.MutableImageTag), CatalogText.Message(RuleIds.MutableImageTag), Category,
        CatalogText.Severity(RuleIds.MutableImageTag), CatalogText.IsEnabledByDefault(RuleIds.MutableImageTag),
        CatalogText.Description(RuleIds.MutableImageTag), CatalogText.HelpLink(RuleIds.MutableImageTag));
    /// <summary>SM2002: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor ImageNotPinnedByDigest = new(
        RuleIds.ImageNotPinnedByDigest, CatalogText.Title(RuleIds.ImageNotPinnedByDigest), CatalogText.Message(RuleIds.ImageNotPinnedByDigest), Category,
        CatalogText.Severity(RuleIds.ImageNotPinnedByDigest), CatalogText.IsEnabledByDefault(RuleIds.ImageNotPinnedByDigest),
        CatalogText.Description(RuleIds.ImageNotPinnedByDigest), CatalogText.HelpLink(RuleIds.ImageNotPinnedByDigest));
    /// <summary>SM2005: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor SecretLiteralInEnv = new(
        RuleIds.SecretLiteralInEnv, CatalogText.Title(RuleIds.SecretLiteralInEnv), CatalogText.Message(RuleIds.SecretLiteralInEnv), Category,
        CatalogText.Severity(RuleIds.SecretLiteralInEnv), CatalogText.IsEnabledByDefault(RuleIds.SecretLiteralInEnv),
        CatalogText.Description(RuleIds.SecretLiteralInEnv), CatalogText.HelpLink(RuleIds.SecretLiteralInEnv));
    /// <summary>SM2006: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor SecretViaEnv = new(
        RuleIds.SecretViaEnv, CatalogText.Title(RuleIds.SecretViaEnv), CatalogText.Message(RuleIds.SecretViaEnv), Category,
        CatalogText.Severity(RuleIds.SecretViaEnv), CatalogText.IsEnabledByDefault(RuleIds.SecretViaEnv),
        CatalogText.Description(RuleIds.SecretViaEnv), CatalogText.HelpLink(RuleIds.SecretViaEnv));
    /// <summary>SM2010: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor DeprecatedServiceAccountField = new(
        RuleIds.DeprecatedServiceAccountField, CatalogText.Title(RuleIds.DeprecatedServiceAccountField), CatalogText.Message(RuleIds.DeprecatedServiceAccountField), Category,
        CatalogText.Severity(RuleIds.DeprecatedServiceAccountField), CatalogText.IsEnabledByDefault(RuleIds.DeprecatedServiceAccountField),
        CatalogText.Description(RuleIds.DeprecatedServiceAccountField), CatalogText.HelpLink(RuleIds.DeprecatedServiceAccountField));
    /// <summary>SM2011: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor SshPortExposed = new(
        RuleIds.SshPortExposed, CatalogText.Title(RuleIds.SshPortExposed), CatalogText.Message(RuleIds.SshPortExposed), Category,
        CatalogText.Severity(RuleIds.SshPortExposed), CatalogText.IsEnabledByDefault(RuleIds.SshPortExposed),
        CatalogText.Description(RuleIds.SshPortExposed), CatalogText.HelpLink(RuleIds.SshPortExposed));
    /// <summary>SM2012: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor PrivilegedPort = new(
        RuleIds.PrivilegedPort, CatalogText.Title(RuleIds.PrivilegedPort), CatalogText.Message(RuleIds.PrivilegedPort), Category,
        CatalogText.Severity(RuleIds.PrivilegedPort), CatalogText.IsEnabledByDefault(RuleIds.PrivilegedPort),
        CatalogText.Description(RuleIds.PrivilegedPort), CatalogText.HelpLink(RuleIds.PrivilegedPort));
    /// <summary>SM2015: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor SecretVolumeWorldReadable = new(
        RuleIds.SecretVolumeWorldReadable, CatalogText.Title(RuleIds.SecretVolumeWorldReadable), CatalogText.Message(RuleIds.SecretVolumeWorldReadable), Category,
        CatalogText.Severity(RuleIds.SecretVolumeWorldReadable), CatalogText.IsEnabledByDefault(RuleIds.SecretVolumeWorldReadable),
        CatalogText.Description(RuleIds.SecretVolumeWorldReadable), CatalogText.HelpLink(RuleIds.SecretVolumeWorldReadable));
    /// <summary>SM3001: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor DefaultServiceAccount = new(
        RuleIds.DefaultServiceAccount, CatalogText.Title(RuleIds.DefaultServiceAccount), CatalogText.Message(RuleIds.DefaultServiceAccount), Category,
        CatalogText.Severity(RuleIds.DefaultServiceAccount), CatalogText.IsEnabledByDefault(RuleIds.DefaultServiceAccount),
        CatalogText.Description(RuleIds.DefaultServiceAccount), CatalogText.HelpLink(RuleIds.DefaultServiceAccount));
    /// <summary>SM3003: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor ClusterAdminBinding = new(
        RuleIds.ClusterAdminBinding, CatalogText.Title(RuleIds.ClusterAdminBinding), CatalogText.Message(RuleIds.ClusterAdminBinding), Category,
        CatalogText.Severity(RuleIds.ClusterAdminBinding), CatalogText.IsEnabledByDefault(RuleIds.ClusterAdminBinding),
        CatalogText.Description(RuleIds.ClusterAdminBinding), CatalogText.HelpLink(RuleIds.ClusterAdminBinding));
    /// <summary>SM3004: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor WildcardRbacRule = new(
        RuleIds.WildcardRbacRule, CatalogText.Title(RuleIds.WildcardRbacRule), CatalogText.Message(RuleIds.WildcardRbacRule), Category,
        CatalogText.Severity(RuleIds.WildcardRbacRule), CatalogText.IsEnabledByDefault(RuleIds.WildcardRbacRule),
        CatalogText.Description(RuleIds.WildcardRbacRule), CatalogText.HelpLink(RuleIds.WildcardRbacRule));
    /// <summary>SM3005: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor SecretsAccess = new(
        RuleIds.SecretsAccess, CatalogText.Title(RuleIds.SecretsAccess), CatalogText.Message(RuleIds.SecretsAccess), Category,
        CatalogText.Severity(RuleIds.SecretsAccess), CatalogText.IsEnabledByDefault(RuleIds.SecretsAccess),
        CatalogText.Description(RuleIds.SecretsAccess), CatalogText.HelpLink(RuleIds.SecretsAccess));
    /// <summary>SM3006: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor WorkloadCreationAccess = new(
        RuleIds.WorkloadCreationAccess, CatalogText.Title(RuleIds.WorkloadCreationAccess), CatalogText.Message(RuleIds.WorkloadCreationAccess), Category,
        CatalogText.Severity(RuleIds.WorkloadCreationAccess), CatalogText.IsEnabledByDefault(RuleIds.WorkloadCreationAccess),
        CatalogText.Description(RuleIds.WorkloadCreationAccess), CatalogText.HelpLink(RuleIds.WorkloadCreationAccess));
    /// <summary>SM3007: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor PodExecAccess = new(
        RuleIds.PodExecAccess, CatalogText.Title(RuleIds.PodExecAccess), CatalogText.Message(RuleIds.PodExecAccess), Category,
        CatalogText.Severity(RuleIds.PodExecAccess), CatalogText.IsEnabledByDefault(RuleIds.PodExecAccess),
        CatalogText.Description(RuleIds.PodExecAccess), CatalogText.HelpLink(RuleIds.PodExecAccess));
    /// <summary>SM3008: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor RbacEscalationVerb = new(
        RuleIds.RbacEscalationVerb, CatalogText.Title(RuleIds.RbacEscalationVerb), CatalogText.Message(RuleIds.RbacEscalationVerb), Category,
        CatalogText.Severity(RuleIds.RbacEscalationVerb), CatalogText.IsEnabledByDefault(RuleIds.RbacEscalationVerb),
        CatalogText.Description(RuleIds.RbacEscalationVerb), CatalogText.HelpLink(RuleIds.RbacEscalationVerb));
    /// <summary>SM3009: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor RiskyBindingSubject = new(
        RuleIds.RiskyBindingSubject, CatalogText.Title(RuleIds.RiskyBindingSubject), CatalogText.Message(RuleIds.RiskyBindingSubject), Category,
        CatalogText.Severity(RuleIds.RiskyBindingSubject), CatalogText.IsEnabledByDefault(RuleIds.RiskyBindingSubject),
        CatalogText.Description(RuleIds.RiskyBindingSubject), CatalogText.HelpLink(RuleIds.RiskyBindingSubject));
    /// <summary>SM3012: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor RbacEscalationResource = new(
        RuleIds.RbacEscalationResource, CatalogText.Title(RuleIds.RbacEscalationResource), CatalogText.Message(RuleIds.RbacEscalationResource), Category,
        CatalogText.Severity(RuleIds.RbacEscalationResource), CatalogText.IsEnabledByDefault(RuleIds.RbacEscalationResource),
        CatalogText.Description(RuleIds.RbacEscalationResource), CatalogText.HelpLink(RuleIds.RbacEscalationResource));
    /// <summary>SM4001: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor DefaultNamespace = new(
        RuleIds.DefaultNamespace, CatalogText.Title(RuleIds.DefaultNamespace), CatalogText.Message(RuleIds.DefaultNamespace), Category,
        CatalogText.Severity(RuleIds.DefaultNamespace), CatalogText.IsEnabledByDefault(RuleIds.DefaultNamespace),
        CatalogText.Description(RuleIds.DefaultNamespace), CatalogText.HelpLink(RuleIds.DefaultNamespace));
    /// <summary>SM4005: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor ExposedService = new(
        RuleIds.ExposedService, CatalogText.Title(RuleIds.ExposedService), CatalogText.Message(RuleIds.ExposedService), Category,
        CatalogText.Severity(RuleIds.ExposedService), CatalogText.IsEnabledByDefault(RuleIds.ExposedService),
        CatalogText.Description(RuleIds.ExposedService), CatalogText.HelpLink(RuleIds.ExposedService));
    /// <summary>SM4007: the catalogue rule, reported where the insecure value is written.</summary>
    public static readonly DiagnosticDescriptor NamespaceWithoutPodSecurity = new(
        RuleIds.NamespaceWithoutPodSecurity, CatalogText.Title(RuleIds.NamespaceWithoutPodSecurity), CatalogText.Message(RuleIds.NamespaceWithoutPodSecurity), Category,
        CatalogText.Severity(RuleIds.NamespaceWithoutPodSecurity), CatalogText.IsEnabledByDefault(RuleIds.NamespaceWithoutPodSecurity),
        CatalogText.Description(RuleIds.NamespaceWithoutPodSecurity), CatalogText.HelpLink(RuleIds.NamespaceWithoutPodSecurity));
    /// <summary>The same rule as <see cref="PrivilegedContainer"/>, reported on a relaxation call whose reason is empty.</summary>
    public static readonly DiagnosticDescriptor PrivilegedContainerReasonRequired = new(
        RuleIds.PrivilegedContainer, CatalogText.Title(RuleIds.PrivilegedContainer), CatalogText.ReasonRequiredMessage(RuleIds.PrivilegedContainer), Category,
        CatalogText.Severity(RuleIds.PrivilegedContainer), CatalogText.IsEnabledByDefault(RuleIds.PrivilegedContainer),
        CatalogText.Description(RuleIds.PrivilegedContainer), CatalogText.HelpLink(RuleIds.PrivilegedContainer));
    /// <summary>The same rule as <see cref="HostNamespaces"/>, reported on a relaxation call whose reason is empty.</summary>
    public static readonly DiagnosticDescriptor HostNamespacesReasonRequired = new(
        RuleIds.HostNamespaces, CatalogText.Title(RuleIds.HostNamespaces), CatalogText.ReasonRequiredMessage(RuleIds.HostNamespaces), Category,
        CatalogText.Severity(RuleIds.HostNamespaces), CatalogText.IsEnabledByDefault(RuleIds.HostNamespaces),
        CatalogText.Description(RuleIds.HostNamespaces), CatalogText.HelpLink(RuleIds.HostNamespaces));
    /// <summary>The same rule as <see cref="HostPathVolume"/>, reported on a relaxation call whose reason is empty.</summary>
    public static readonly DiagnosticDescriptor HostPathVolumeReasonRequired = new(
        RuleIds.HostPathVolume, CatalogText.Title(RuleIds.HostPathVolume), CatalogText.ReasonRequiredMessage(RuleIds.HostPathVolume), Category,
        CatalogText.Severity(RuleIds.HostPathVolume), CatalogText.IsEnabledByDefault(RuleIds.HostPathVolume),
        CatalogText.Description(RuleIds.HostPathVolume), CatalogText.HelpLink(RuleIds.HostPathVolume));
    /// <summary>The same rule as <see cref="HostPort"/>, reported on a relaxation call whose reason is empty.</summary>
    public static readonly DiagnosticDescriptor HostPortReasonRequired = new(
        RuleIds.HostPort, CatalogText.Title(RuleIds.HostPort), CatalogText.ReasonRequiredMessage(RuleIds.HostPort), Category,
        CatalogText.Severity(RuleIds.HostPort), CatalogText.IsEnabledByDefault(RuleIds.HostPort),
        CatalogText.Description(RuleIds.HostPort), CatalogText.HelpLink(RuleIds.HostPort));
    /// <summary>The same rule as <see cref="DangerousCapabilityAdded"/>, reported on a relaxation call whose reason is empty.</summary>
    public static readonly DiagnosticDescriptor DangerousCapabilityAddedReasonRequired = new(
        RuleIds.DangerousCapabilityAdded, CatalogText.Title(RuleIds.DangerousCapabilityAdded), CatalogText.ReasonRequiredMessage(RuleIds.DangerousCapabilityAdded), Category,
        CatalogText.Severity(RuleIds.DangerousCapabilityAdded), CatalogText.IsEnabledByDefault(RuleIds.DangerousCapabilityAdded),
        CatalogText.Description(RuleIds.DangerousCapabilityAdded), CatalogText.HelpLink(RuleIds.DangerousCapabilityAdded));
    /// <summary>The same rule as <see cref="CapabilitiesNotDropped"/>, reported on a relaxation call whose reason is empty.</summary>
    public static readonly DiagnosticDescriptor CapabilitiesNotDroppedReasonRequired = new(
        RuleIds.CapabilitiesNotDropped, CatalogText.Title(RuleIds.CapabilitiesNotDropped), CatalogText.ReasonRequiredMessage(RuleIds.CapabilitiesNotDropped), Category,
        CatalogText.Severity(RuleIds.CapabilitiesNotDropped), CatalogText.IsEnabledByDefault(RuleIds.CapabilitiesNotDropped),
        CatalogText.Description(RuleIds.CapabilitiesNotDropped), CatalogText.HelpLink(RuleIds.CapabilitiesNotDropped));
    /// <summary>The same rule as <see cref="PrivilegeEscalationAllowed"/>, reported on a relaxation call whose reason is empty.</summary>
    public static readonly DiagnosticDescriptor PrivilegeEscalationAllowedReasonRequired = new(
        RuleIds.PrivilegeEscalationAllowed, CatalogText.Title(RuleIds.PrivilegeEscalationAllowed), CatalogText.ReasonRequiredMessage(RuleIds.PrivilegeEscalationAllowed), Category,
        CatalogText.Severity(RuleIds.PrivilegeEscalationAllowed), CatalogText.IsEnabledByDefault(RuleIds.PrivilegeEscalationAllowed),
        CatalogText.Description(RuleIds.PrivilegeEscalationAllowed), CatalogText.HelpLink(RuleIds.PrivilegeEscalationAllowed));
    /// <summary>The same rule as <see cref="RunAsNonRootNotSet"/>, reported on a relaxation call whose reason is empty.</summary>
    public static readonly DiagnosticDescriptor RunAsNonRootNotSetReasonRequired = new(
        RuleIds.RunAsNonRootNotSet, CatalogText.Title(RuleIds.RunAsNonRootNotSet), CatalogText.ReasonRequiredMessage(RuleIds.RunAsNonRootNotSet), Category,
        CatalogText.Severity(RuleIds.RunAsNonRootNotSet), CatalogText.IsEnabledByDefault(RuleIds.RunAsNonRootNotSet),
        CatalogText.Description(RuleIds.RunAsNonRootNotSet), CatalogText.HelpLink(RuleIds.RunAsNonRootNotSet));
    /// <summary>The same rule as <see cref="SeccompUnconfined"/>, reported on a relaxation call whose reason is empty.</summary>
    public static readonly DiagnosticDescriptor SeccompUnconfinedReasonRequired = new(
        RuleIds.SeccompUnconfined, CatalogText.Title(RuleIds.SeccompUnconfined), CatalogText.ReasonRequiredMessage(RuleIds.SeccompUnconfined), Category,
        CatalogText.Severity(RuleIds.SeccompUnconfined), CatalogText.IsEnabledByDefault(RuleIds.SeccompUnconfined),
        CatalogText.Description(RuleIds.SeccompUnconfined), CatalogText.HelpLink(RuleIds.SeccompUnconfined));
    /// <summary>The same rule as <see cref="WritableRootFilesystem"/>, reported on a relaxation call whose reason is empty.</summary>
    public static readonly DiagnosticDescriptor WritableRootFilesystemReasonRequired = new(
        RuleIds.WritableRootFilesystem, CatalogText.Title(RuleIds.WritableRootFilesystem), CatalogText.ReasonRequiredMessage(RuleIds.WritableRootFilesystem), Category,
        CatalogText.Severity(RuleIds.WritableRootFilesystem), CatalogText.IsEnabledByDefault(RuleIds.WritableRootFilesystem),
        CatalogText.Description(RuleIds.WritableRootFilesystem), CatalogText.HelpLink(RuleIds.WritableRootFilesystem));
    /// <summary>The same rule as <see cref="ServiceAccountTokenAutomount"/>, reported on a relaxation call whose reason is empty.</summary>
    public static readonly DiagnosticDescriptor ServiceAccountTokenAutomountReasonRequired = new(
        RuleIds.ServiceAccountTokenAutomount, CatalogText.Title(RuleIds.ServiceAccountTokenAutomount), CatalogText.ReasonRequiredMessage(RuleIds.ServiceAccountTokenAutomount), Category,
        CatalogText.Severity(RuleIds.ServiceAccountTokenAutomount), CatalogText.IsEnabledByDefault(RuleIds.ServiceAccountTokenAutomount),
        CatalogText.Description(RuleIds.ServiceAccountTokenAutomount), CatalogText.HelpLink(RuleIds.ServiceAccountTokenAutomount));
    /// <summary>The same rule as <see cref="MutableImageTag"/>, reported on a relaxation call whose reason is empty.</summary>
    public static readonly DiagnosticDescriptor MutableImageTagReasonRequired = new(
        RuleIds.MutableImageTag, CatalogText.Title(RuleIds.MutableImageTag), CatalogText.ReasonRequiredMessage(RuleIds.MutableImageTag), Category,
        CatalogText.Severity(RuleIds.MutableImageTag), CatalogText.IsEnabledByDefault(RuleIds.MutableImageTag),
        CatalogText.Description(RuleIds.MutableImageTag), CatalogText.HelpLink(RuleIds.MutableImageTag));
    /// <summary>SM0001: a [SuppressMessage] for a SecureManifests rule must say why.</summary>
    public static readonly DiagnosticDescriptor SuppressionWithoutJustification = new(
        SuppressionWithoutJustificationId,
        "SuppressMessage for a SecureManifests rule needs a Justification",
        "[SuppressMessage] of rule '{0}' has no Justification: add Justification = \"<why the rule does not apply>\"",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A suppressed security rule is an exception to the secure defaults; the reason must be written next to it so reviewers can judge it.",
        helpLinkUri: RuleDescriptor.HelpUriBase + SuppressionWithoutJustificationId + ".md");

    /// <summary>Descriptors reported on raw KubernetesClient models.</summary>
    public static ImmutableArray<DiagnosticDescriptor> RawModel { get; } = ImmutableArray.Create(
        PrivilegedContainer,
        HostNamespaces,
        HostPathVolume,
        HostPort,
        DangerousCapabilityAdded,
        CapabilitiesNotDropped,
        PrivilegeEscalationAllowed,
        RunAsNonRootNotSet,
        RunAsRootUser,
        SeccompUnconfined,
        ApparmorUnconfined,
        SelinuxCustomOptions,
        UnmaskedProcMount,
        UnsafeSysctl,
        WindowsHostProcess,
        ProbeHostOverride,
        RestrictedVolumeType,
        WritableRootFilesystem,
        ServiceAccountTokenAutomount,
        HostPathPersistentVolume,
        MutableImageTag,
        ImageNotPinnedByDigest,
        SecretLiteralInEnv,
        SecretViaEnv,
        DeprecatedServiceAccountField,
        SshPortExposed,
        PrivilegedPort,
        SecretVolumeWorldReadable,
        DefaultServiceAccount,
        ClusterAdminBinding,
        WildcardRbacRule,
        SecretsAccess,
        WorkloadCreationAccess,
        PodExecAccess,
        RbacEscalationVerb,
        RiskyBindingSubject,
        RbacEscalationResource,
        DefaultNamespace,
        ExposedService,
        NamespaceWithoutPodSecurity);

    /// <summary>Descriptors reported on the SDK's fluent API.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Sdk { get; } = ImmutableArray.Create(
        MutableImageTag, SecretLiteralInEnv, RunAsRootUser, SshPortExposed, DefaultNamespace,
        PrivilegedContainerReasonRequired,
        HostNamespacesReasonRequired,
        HostPathVolumeReasonRequired,
        HostPortReasonRequired,
        DangerousCapabilityAddedReasonRequired,
        CapabilitiesNotDroppedReasonRequired,
        PrivilegeEscalationAllowedReasonRequired,
        RunAsNonRootNotSetReasonRequired,
        SeccompUnconfinedReasonRequired,
        WritableRootFilesystemReasonRequired,
        ServiceAccountTokenAutomountReasonRequired,
        MutableImageTagReasonRequired);
}
