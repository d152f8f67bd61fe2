using Microsoft.CodeAnalysis;

namespace SecureManifests.Generators;

/// <summary>SM0101-SM0105: a [ManifestApp] class the build step cannot create or tell apart.</summary>
internal static class ManifestAppDiagnostics
{
    public const string Category = "SecureManifests.Build";

    private const string HelpBase = "https://github.com/securemanifests/securemanifests/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor NotPublic = Create(
        "SM0101",
        "A [ManifestApp] class must be public",
        "[ManifestApp] class '{0}' must be public (and so must every class containing it) so the build step can create it",
        "The build step runs apps from outside the assembly's own code paths; a non-public class is not part of the project's manifest surface.");

    public static readonly DiagnosticDescriptor NoPublicParameterlessConstructor = Create(
        "SM0102",
        "A [ManifestApp] class needs a public parameterless constructor",
        "[ManifestApp] class '{0}' needs a public parameterless constructor that defines the app",
        "The build step creates each app with new T(); define the app in a public constructor without parameters.");

    public static readonly DiagnosticDescriptor DuplicateAppName = Create(
        "SM0103",
        "Two [ManifestApp] classes have the same app name",
        "[ManifestApp] classes '{0}' and '{1}' both define app '{2}'; their output folders would collide",
        "Each app is written to a folder named after it, so app names must be unique within a project.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor NotConcrete = Create(
        "SM0104",
        "A [ManifestApp] class must be concrete",
        "[ManifestApp] class '{0}' is {1}; the build step can only create non-abstract, non-static, non-generic classes",
        "An abstract, static or generic class cannot be created with new T(); put [ManifestApp] on the concrete app.");

    public static readonly DiagnosticDescriptor NotAnApp = Create(
        "SM0105",
        "A [ManifestApp] class must derive from SecureManifests.App",
        "[ManifestApp] class '{0}' does not derive from SecureManifests.App",
        "Only App subclasses can be synthesized; derive from App and define the app in the constructor.");

    /// <summary>The documentation page of a diagnostic of this assembly (docs/rules/ID.md), for the CRD diagnostics too.</summary>
    internal static string HelpLink(string id) => HelpBase + id + ".md";

    private static DiagnosticDescriptor Create(string id, string title, string message, string description, params string[] tags) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, description,
            HelpLink(id), tags);
}
