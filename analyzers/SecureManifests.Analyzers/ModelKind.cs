using System;
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
    private const string ModelNamespace = "k8s.Models";

    private static readonly KeyValuePair<string, ModelKind>[] Names =
    {
        new(ModelNamespace + ".V1SecurityContext", ModelKind.SecurityContext),
        new(ModelNamespace + ".V1PodSecurityContext", ModelKind.PodSecurityContext),
        new(ModelNamespace + ".V1Capabilities", ModelKind.Capabilities),
        new(ModelNamespace + ".V1SeccompProfile", ModelKind.SeccompProfile),
        new(ModelNamespace + ".V1AppArmorProfile", ModelKind.AppArmorProfile),
        new(ModelNamespace + ".V1SELinuxOptions", ModelKind.SeLinuxOptions),
        new(ModelNamespace + ".V1Sysctl", ModelKind.Sysctl),
        new(ModelNamespace + ".V1WindowsSecurityContextOptions", ModelKind.WindowsOptions),
        new(ModelNamespace + ".V1HTTPGetAction", ModelKind.HttpGetAction),
        new(ModelNamespace + ".V1TCPSocketAction", ModelKind.TcpSocketAction),
        new(ModelNamespace + ".V1PodSpec", ModelKind.PodSpec),
        new(ModelNamespace + ".V1Volume", ModelKind.Volume),
        new(ModelNamespace + ".V1PersistentVolumeSpec", ModelKind.PersistentVolumeSpec),
        new(ModelNamespace + ".V1ContainerPort", ModelKind.ContainerPort),
        new(ModelNamespace + ".V1Container", ModelKind.Container),
        new(ModelNamespace + ".V1EphemeralContainer", ModelKind.EphemeralContainer),
        new(ModelNamespace + ".V1EnvVar", ModelKind.EnvVar),
        new(ModelNamespace + ".V1EnvVarSource", ModelKind.EnvVarSource),
        new(ModelNamespace + ".V1EnvFromSource", ModelKind.EnvFromSource),
        new(ModelNamespace + ".V1SecretVolumeSource", ModelKind.SecretVolumeSource),
        new(ModelNamespace + ".V1PolicyRule", ModelKind.PolicyRule),
        new(ModelNamespace + ".V1RoleRef", ModelKind.RoleRef),
        new(ModelNamespace + ".Rbacv1Subject", ModelKind.Subject),
        new(ModelNamespace + ".V1ObjectMeta", ModelKind.ObjectMeta),
        new(ModelNamespace + ".V1ServiceSpec", ModelKind.ServiceSpec),
        new(ModelNamespace + ".V1Namespace", ModelKind.Namespace),
    };

    /// <summary>The assemblies that define <c>k8s.Models</c>: KubernetesClient, and its AOT and classic builds.</summary>
    private static readonly string[] ModelAssemblies = { "KubernetesClient", "KubernetesClient.Aot", "KubernetesClient.Classic" };

    private static readonly Dictionary<string, ModelKind> KindsBySimpleName = BySimpleName();

    private readonly Lazy<Resolved> _resolved;

    private ModelTypes(Compilation compilation) =>
        _resolved = new Lazy<Resolved>(() => Resolved.Of(compilation), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The model types of <paramref name="compilation"/>, or null when it does not reference KubernetesClient (checked
    /// on assembly names only). The types are looked up on first use, not here: most compilations that reference
    /// KubernetesClient never write a model, and the syntax screens dismiss their code before any type is needed.
    /// </summary>
    public static ModelTypes? Create(Compilation compilation) => ReferencesAny(compilation, ModelAssemblies) ? new ModelTypes(compilation) : null;

    /// <summary>Whether the compilation is, or references, the assembly <paramref name="name"/>.</summary>
    public static bool References(Compilation compilation, string name) => ReferencesAny(compilation, new[] { name });

    private static bool ReferencesAny(Compilation compilation, string[] names) => Shared.ReferencedAssemblies.Any(compilation, names);

    /// <summary>The assemblies that define <c>k8s.Models</c>.</summary>
    public static string[] DefiningAssemblies => ModelAssemblies;

    /// <summary>
    /// Whether <paramref name="type"/> is one of the model types, by its namespace and name (no lookup, so the screens
    /// can ask before the compilation's model types are resolved; a type that both KubernetesClient and its AOT build
    /// define counts too).
    /// </summary>
    public static bool IsModelType(INamedTypeSymbol type) =>
        KindsBySimpleName.ContainsKey(type.Name) && type.ContainingAssembly is { } assembly && Array.IndexOf(ModelAssemblies, assembly.Name) >= 0
        && type.ContainingNamespace?.ToDisplayString() == ModelNamespace;

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
        if (!_resolved.Value.Members.TryGetValue(kind, out var members))
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
        return type is INamedTypeSymbol named && _resolved.Value.Kinds.TryGetValue(named, out kind);
    }

    /// <summary>The looked-up types and the property names of each; empty when the compilation has no <c>k8s.Models</c>.</summary>
    private sealed class Resolved
    {
        private Resolved(Dictionary<INamedTypeSymbol, ModelKind> kinds, Dictionary<ModelKind, HashSet<string>> members)
        {
            Kinds = kinds;
            Members = members;
        }

        public Dictionary<INamedTypeSymbol, ModelKind> Kinds { get; }

        public Dictionary<ModelKind, HashSet<string>> Members { get; }

        public static Resolved Of(Compilation compilation)
        {
            var kinds = new Dictionary<INamedTypeSymbol, ModelKind>(SymbolEqualityComparer.Default);
            var members = new Dictionary<ModelKind, HashSet<string>>();
            if (compilation.GetTypeByMetadataName(ModelNamespace + ".V1Container") is null)
            {
                return new Resolved(kinds, members);
            }

            foreach (var pair in Names)
            {
                if (compilation.GetTypeByMetadataName(pair.Key) is not { } type)
                {
                    continue;
                }

                kinds[type] = pair.Value;
                var names = new HashSet<string>(System.StringComparer.Ordinal);
                foreach (var member in type.GetMembers())
                {
                    if (member is IPropertySymbol)
                    {
                        names.Add(member.Name);
                    }
                }

                members[pair.Value] = names;
            }

            return new Resolved(kinds, members);
        }
    }
}
