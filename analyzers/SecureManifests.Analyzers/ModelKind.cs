using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SecureManifests.Analyzers;

/// <summary>The KubernetesClient model types the raw-model analyzer inspects.</summary>
internal enum ModelKind
{
    SecurityContext,
    PodSecurityContext,
    Capabilities,
    SeccompProfile,
    AppArmorProfile,
    SeLinuxOptions,
    Sysctl,
    WindowsOptions,
    HttpGetAction,
    TcpSocketAction,
    PodSpec,
    Volume,
    PersistentVolumeSpec,
    ContainerPort,
    Container,
    EphemeralContainer,
    EnvVar,
    EnvVarSource,
    EnvFromSource,
    SecretVolumeSource,
    PolicyRule,
    RoleRef,
    Subject,
    ObjectMeta,
    ServiceSpec,
    Namespace,
}

/// <summary>
/// The model types of one compilation, resolved once in the compilation-start action. Null when the
/// compilation does not reference KubernetesClient, so the analyzer registers nothing for it.
/// </summary>
internal sealed class ModelTypes
{
    private static readonly KeyValuePair<string, ModelKind>[] Names =
    {
        new("k8s.Models.V1SecurityContext", ModelKind.SecurityContext),
        new("k8s.Models.V1PodSecurityContext", ModelKind.PodSecurityContext),
        new("k8s.Models.V1Capabilities", ModelKind.Capabilities),
        new("k8s.Models.V1SeccompProfile", ModelKind.SeccompProfile),
        new("k8s.Models.V1AppArmorProfile", ModelKind.AppArmorProfile),
        new("k8s.Models.V1SELinuxOptions", ModelKind.SeLinuxOptions),
        new("k8s.Models.V1Sysctl", ModelKind.Sysctl),
        new("k8s.Models.V1WindowsSecurityContextOptions", ModelKind.WindowsOptions),
        new("k8s.Models.V1HTTPGetAction", ModelKind.HttpGetAction),
        new("k8s.Models.V1TCPSocketAction", ModelKind.TcpSocketAction),
        new("k8s.Models.V1PodSpec", ModelKind.PodSpec),
        new("k8s.Models.V1Volume", ModelKind.Volume),
        new("k8s.Models.V1PersistentVolumeSpec", ModelKind.PersistentVolumeSpec),
        new("k8s.Models.V1ContainerPort", ModelKind.ContainerPort),
        new("k8s.Models.V1Container", ModelKind.Container),
        new("k8s.Models.V1EphemeralContainer", ModelKind.EphemeralContainer),
        new("k8s.Models.V1EnvVar", ModelKind.EnvVar),
        new("k8s.Models.V1EnvVarSource", ModelKind.EnvVarSource),
        new("k8s.Models.V1EnvFromSource", ModelKind.EnvFromSource),
        new("k8s.Models.V1SecretVolumeSource", ModelKind.SecretVolumeSource),
        new("k8s.Models.V1PolicyRule", ModelKind.PolicyRule),
        new("k8s.Models.V1RoleRef", ModelKind.RoleRef),
        new("k8s.Models.Rbacv1Subject", ModelKind.Subject),
        new("k8s.Models.V1ObjectMeta", ModelKind.ObjectMeta),
        new("k8s.Models.V1ServiceSpec", ModelKind.ServiceSpec),
        new("k8s.Models.V1Namespace", ModelKind.Namespace),
    };

    private readonly Dictionary<INamedTypeSymbol, ModelKind> _kinds;

    private ModelTypes(Dictionary<INamedTypeSymbol, ModelKind> kinds) => _kinds = kinds;

    public static ModelTypes? Create(Compilation compilation)
    {
        // The cheap bail-out: without a reference to KubernetesClient (checked on assembly names, before any
        // type lookup walks the references' metadata) there are no k8s.Models in this compilation.
        if (!References(compilation, "KubernetesClient") || compilation.GetTypeByMetadataName("k8s.Models.V1Container") is null)
        {
            return null;
        }

        var kinds = new Dictionary<INamedTypeSymbol, ModelKind>(SymbolEqualityComparer.Default);
        foreach (var pair in Names)
        {
            var type = compilation.GetTypeByMetadataName(pair.Key);
            if (type is not null)
            {
                kinds[type] = pair.Value;
            }
        }

        return new ModelTypes(kinds);
    }

    /// <summary>Whether the compilation is, or references, the assembly <paramref name="name"/>.</summary>
    public static bool References(Compilation compilation, string name)
    {
        if (string.Equals(compilation.AssemblyName, name, System.StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var identity in compilation.ReferencedAssemblyNames)
        {
            if (string.Equals(identity.Name, name, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public bool TryGetKind(ITypeSymbol? type, out ModelKind kind)
    {
        kind = default;
        return type is INamedTypeSymbol named && _kinds.TryGetValue(named, out kind);
    }
}
