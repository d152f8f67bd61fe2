using Microsoft.CodeAnalysis;
using SecureManifests.CustomResources;

namespace SecureManifests.Generators;

/// <summary>SM0110-SM0115: a CRD file given to the generator that yields no types, at the file's line and column.</summary>
internal static class CustomResourceDiagnostics
{
    public const string Category = "SecureManifests.CustomResources";

    public static readonly DiagnosticDescriptor MalformedYaml = Create(
        CustomResourceProblemIds.MalformedYaml,
        "A CRD file is not valid YAML",
        "The CRD file cannot be read, so no types are generated from it.");

    public static readonly DiagnosticDescriptor UnsupportedApiVersion = Create(
        CustomResourceProblemIds.UnsupportedApiVersion,
        "A CustomResourceDefinition is not apiextensions.k8s.io/v1",
        "Only apiextensions.k8s.io/v1 CRDs are read; v1beta1 was removed in Kubernetes 1.22.");

    public static readonly DiagnosticDescriptor MissingField = Create(
        CustomResourceProblemIds.MissingField,
        "A CustomResourceDefinition lacks a required field",
        "A CRD needs spec.group, spec.names.kind, spec.names.plural and versions with a name, a schema and one storage version.");

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Create(
        CustomResourceProblemIds.UnsupportedConstruct,
        "A CRD schema uses a construct that cannot be mapped to C#",
        "The schema is not structural at this point ($ref, an unknown type, item schemas as a list, a keyword of the wrong shape).");

    public static readonly DiagnosticDescriptor InvalidNamespace = Create(
        CustomResourceProblemIds.InvalidNamespace,
        "The Namespace given for a CRD file is not a C# namespace",
        "The Namespace item metadata must be dot-separated C# identifiers, such as Shop.CertManager.");

    public static readonly DiagnosticDescriptor DuplicateKind = Create(
        CustomResourceProblemIds.DuplicateKind,
        "Two CRDs define the same kind in one C# namespace",
        "Each CRD's types are generated from its own file; two kinds with the same C# name in one namespace collide (CS0101).");

    /// <summary>The descriptor of a problem's ID.</summary>
    public static DiagnosticDescriptor For(string id) => id switch
    {
        CustomResourceProblemIds.MalformedYaml => MalformedYaml,
        CustomResourceProblemIds.UnsupportedApiVersion => UnsupportedApiVersion,
        CustomResourceProblemIds.MissingField => MissingField,
        CustomResourceProblemIds.InvalidNamespace => InvalidNamespace,
        CustomResourceProblemIds.DuplicateKind => DuplicateKind,
        _ => UnsupportedConstruct,
    };

    private static DiagnosticDescriptor Create(string id, string title, string description) =>
        new(id, title, "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, description, ManifestAppDiagnostics.HelpLink(id));
}
