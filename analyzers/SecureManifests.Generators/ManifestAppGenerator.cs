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

        var catalog = apps
            .Collect()
            .Select(static (models, _) => new EquatableArray<ManifestAppModel>([.. models.OrderBy(m => m.DisplayName, StringComparer.Ordinal)]))
            .WithTrackingName(StepNames.Catalog);

        context.RegisterSourceOutput(catalog, static (productionContext, models) => Execute(productionContext, models));
    }
}
