using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecureManifests.Generators;

/// <summary>
/// Generates <c>SecureManifests.Generated.ManifestAppCatalog</c>: every usable [ManifestApp] class of the project,
/// with a factory and the class's source location, plus an assembly attribute that names the catalog so the
/// build step's host finds it without reflection over every type. Projects without apps get no source at all.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class ManifestAppGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for incremental-caching tests.</summary>
    public static class StepNames
    {
        public const string Apps = "ManifestApps";
        public const string Catalog = "ManifestAppCatalog";
        public const string ProjectDirectory = "ManifestProjectDirectory";
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var apps = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                WellKnownNames.ManifestAppAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (syntaxContext, cancellationToken) => ToModel(syntaxContext, cancellationToken))
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(StepNames.Apps);

        // Source paths are stored relative to the project, so the built assembly is the same on every machine;
        // the host runs in the project directory and resolves them there.
        var projectDirectory = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue("build_property.MSBuildProjectDirectory", out var directory) ? directory : null)
            .WithTrackingName(StepNames.ProjectDirectory);

        var catalog = apps
            .Collect()
            .Combine(projectDirectory)
            .Select(static (input, _) => new EquatableArray<ManifestAppModel>(
                [.. input.Left.OrderBy(m => m.DisplayName, StringComparer.Ordinal).Select(m => m with { FilePath = RelativeTo(input.Right, m.FilePath) })]))
            .WithTrackingName(StepNames.Catalog);

        context.RegisterSourceOutput(catalog, static (productionContext, models) => Execute(productionContext, models));
    }

    /// <summary><paramref name="path"/> relative to <paramref name="directory"/> with '/' separators, or unchanged outside it.</summary>
    internal static string RelativeTo(string? directory, string path)
    {
        if (string.IsNullOrEmpty(directory))
        {
            return path;
        }

        var prefix = directory!.Replace('\\', '/').TrimEnd('/') + "/";
        var normalized = path.Replace('\\', '/');
        return normalized.StartsWith(prefix, StringComparison.Ordinal) ? normalized.Substring(prefix.Length) : path;
    }
}
