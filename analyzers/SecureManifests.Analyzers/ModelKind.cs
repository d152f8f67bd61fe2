using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureManifests.Rules.Semantics;

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

    /// <summary>The assemblies that define <c>k8s.Models</c>: KubernetesClient, and its AOT and classic builds.</summary>
    private static readonly string[] ModelAssemblies = { "KubernetesClient", "KubernetesClient.Aot", "KubernetesClient.Classic" };

    private static readonly Dictionary<string, ModelKind> KindsBySimpleName = BySimpleName();

    private readonly Dictionary<INamedTypeSymbol, ModelKind> _kinds;
    private readonly Dictionary<ModelKind, HashSet<string>> _members;

    private ModelTypes(Dictionary<INamedTypeSymbol, ModelKind> kinds)
    {
        _kinds = kinds;
        _members = new Dictionary<ModelKind, HashSet<string>>();
        foreach (var pair in kinds)
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var member in pair.Key.GetMembers())
            {
                if (member is IPropertySymbol)
                {
                    names.Add(member.Name);
                }
            }

            _members[pair.Value] = names;
        }
    }

    public static ModelTypes? Create(Compilation compilation)
    {
        // The cheap bail-out: without a reference to KubernetesClient (checked on assembly names, before any
        // type lookup walks the references' metadata) there are no k8s.Models in this compilation.
        if (!ReferencesAny(compilation, ModelAssemblies) || compilation.GetTypeByMetadataName("k8s.Models.V1Container") is null)
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
    public static bool References(Compilation compilation, string name) => ReferencesAny(compilation, new[] { name });

    private static bool ReferencesAny(Compilation compilation, string[] names)
    {
        if (System.Array.IndexOf(names, compilation.AssemblyName) >= 0)
        {
            return true;
        }

        foreach (var identity in compilation.ReferencedAssemblyNames)
        {
            if (System.Array.IndexOf(names, identity.Name) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The model kind of a type written as <paramref name="simpleName"/> (<c>V1SecurityContext</c>), judged from syntax.</summary>
    public static bool TryGetKindBySimpleName(string simpleName, out ModelKind kind) => KindsBySimpleName.TryGetValue(simpleName, out kind);

    /// <summary>The Kubernetes kind a model type name stands for (<c>V1ClusterRole</c>: <c>ClusterRole</c>), when it is a built-in kind.</summary>
    public static string? KindOfTypeName(string simpleName)
    {
        var i = 0;
        if (simpleName.Length < 2 || simpleName[0] != 'V' || !char.IsDigit(simpleName[1]))
        {
            return null;
        }

        // V1, V2, V1beta1, V1alpha2, ...: the API version the generator put in front of the kind.
        i = 1;
        while (i < simpleName.Length && (char.IsDigit(simpleName[i]) || char.IsLower(simpleName[i])))
        {
            i++;
        }

        var kind = simpleName.Substring(i);
        return KindScopes.IsClusterScoped(kind) || KindScopes.IsNamespaced(kind) ? kind : null;
    }

    /// <summary>The last identifier of a type's name: <c>k8s.Models.V1Pod</c> is <c>V1Pod</c>.</summary>
    public static string SimpleName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => string.Empty,
    };

    /// <summary>Whether the model type of <paramref name="kind"/> has a property for every name in <paramref name="names"/>.</summary>
    public bool HasProperties(ModelKind kind, IEnumerable<string> names)
    {
        if (!_members.TryGetValue(kind, out var members))
        {
            return false;
        }

        foreach (var name in names)
        {
            if (!members.Contains(name))
            {
                return false;
            }
        }

        return true;
    }

    private static Dictionary<string, ModelKind> BySimpleName()
    {
        var kinds = new Dictionary<string, ModelKind>(System.StringComparer.Ordinal);
        foreach (var pair in Names)
        {
            kinds[pair.Key.Substring(pair.Key.LastIndexOf('.') + 1)] = pair.Value;
        }

        return kinds;
    }

    public bool TryGetKind(ITypeSymbol? type, out ModelKind kind)
    {
        kind = default;
        return type is INamedTypeSymbol named && _kinds.TryGetValue(named, out kind);
    }
}
