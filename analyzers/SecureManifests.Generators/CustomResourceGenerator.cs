using Microsoft.CodeAnalysis;

namespace SecureManifests.Generators;

/// <summary>
/// Generates C# types from the CustomResourceDefinitions a project lists as AdditionalFiles with
/// <c>SecureManifestsCrd="true"</c> (optional <c>Namespace</c> metadata; default: the RootNamespace followed by the
/// group PascalCased, e.g. <c>Shop.CertManagerIo</c>). Each file is a cached step of its own: editing one CRD
/// regenerates only its types, and no C# edit regenerates anything.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class CustomResourceGenerator : IIncrementalGenerator
{
    /// <summary>The item metadata that marks an AdditionalFiles item as a CRD.</summary>
    public const string CrdMetadata = "build_metadata.AdditionalFiles.SecureManifestsCrd";

    /// <summary>The item metadata that names the C# namespace of a CRD's types.</summary>
    public const string NamespaceMetadata = "build_metadata.AdditionalFiles.Namespace";

    /// <summary>Tracking names of the pipeline steps, for incremental-caching tests.</summary>
    public static class StepNames
    {
        public const string Files = "CustomResourceFiles";
        public const string Outputs = "CustomResourceOutputs";
        public const string Kinds = "CustomResourceKinds";
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (input, cancellationToken) => ToFile(input.Left, input.Right, cancellationToken))
            .Where(static file => file is not null)
            .Select(static (file, _) => file!)
            .WithTrackingName(StepNames.Files);

        var outputs = files
            .Select(static (file, cancellationToken) => Generate(file, cancellationToken))
            .WithTrackingName(StepNames.Outputs);

        context.RegisterSourceOutput(outputs, static (productionContext, output) => Execute(productionContext, output));

        // Only the kinds' names cross files: a CRD edit reruns this small step, never another file's emit.
        var kinds = outputs
            .Select(static (output, _) => output.Kinds)
            .Collect()
            .Select(static (all, _) => new EquatableArray<CustomResourceKind>([.. all.SelectMany(k => k)]))
            .WithTrackingName(StepNames.Kinds);
        context.RegisterSourceOutput(kinds, static (productionContext, all) => ReportDuplicateKinds(productionContext, all));
    }
}
