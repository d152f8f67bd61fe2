using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SecureManifests.Generators.Tests.CustomResources;

/// <summary>A CRD file given to the generator: its path, text and optional Namespace metadata.</summary>
internal sealed record CrdInput(string Path, string Text, string? Namespace = null, bool Marked = true);

/// <summary>
/// Runs <see cref="CustomResourceGenerator"/> as the compiler does (AdditionalFiles with item metadata) on a compilation
/// with the repository's settings: .NET 10, KubernetesClient and the SDK, nullable on, every warning wave, and XML
/// documentation checked (CS1591 included), as a project with GenerateDocumentationFile has it.
/// </summary>
internal static class CrdGeneration
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> References = new(async () =>
        [.. (await TestCompilation.Net10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)), .. TestCompilation.SdkReferences]);

    public static async Task<CSharpCompilation> CompilationAsync(string source = "", string assemblyName = "Consumer") =>
        CSharpCompilation.Create(
            assemblyName,
            source.Length == 0 ? [] : [CSharpSyntaxTree.ParseText(source, ParseOptions, "User.cs")],
            await References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));

    /// <summary>The AdditionalFiles item of <paramref name="file"/>.</summary>
    public static AdditionalText Text(CrdInput file) => new InMemoryText(file.Path, file.Text);

    /// <param name="texts">The items for <paramref name="files"/>, when the test needs them (to replace one); made here otherwise.</param>
    public static GeneratorDriver Driver(IEnumerable<CrdInput> files, string? rootNamespace = "Consumer", bool track = false, IEnumerable<AdditionalText>? texts = null) =>
        CSharpGeneratorDriver.Create(
            [new CustomResourceGenerator().AsSourceGenerator()],
            [.. texts ?? files.Select(Text)],
            ParseOptions,
            new Options(files, rootNamespace),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    /// <summary>Generates from <paramref name="files"/> into a compilation of <paramref name="source"/>.</summary>
    public static async Task<Generated> RunAsync(IEnumerable<CrdInput> files, string source = "", string? rootNamespace = "Consumer")
    {
        var compilation = await CompilationAsync(source);
        Driver(files, rootNamespace).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new Generated(output, generatorDiagnostics);
    }

    /// <summary>Warnings and errors of the compilation with the generated code, each with its line.</summary>
    public static IReadOnlyList<string> Problems(Compilation compilation) =>
        [.. compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.Id + " " + d.Location.GetLineSpan() + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)
                + " | " + d.Location.SourceTree?.GetText().Lines.GetLineFromPosition(d.Location.SourceSpan.Start).ToString().Trim())];

    /// <summary>Compiles and loads the assembly (in a collectible context), for serialization tests.</summary>
    public static Assembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        return new AssemblyLoadContext("crd-" + Guid.NewGuid().ToString("N"), isCollectible: true).LoadFromStream(image);
    }

    internal sealed record Generated(Compilation Compilation, ImmutableArray<Diagnostic> GeneratorDiagnostics)
    {
        public string Source(string hintSuffix) =>
            Compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith(hintSuffix, StringComparison.Ordinal)).ToString();
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Options(IEnumerable<CrdInput> files, string? rootNamespace) : AnalyzerConfigOptionsProvider
    {
        private readonly Dictionary<string, CrdInput> _files = files.ToDictionary(f => f.Path, StringComparer.Ordinal);

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(rootNamespace is null
            ? new Dictionary<string, string>()
            : new Dictionary<string, string> { ["build_property.RootNamespace"] = rootNamespace, ["build_property.MSBuildProjectDirectory"] = "/project" });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Values.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        {
            if (!_files.TryGetValue(textFile.Path, out var file) || !file.Marked)
            {
                return Values.Empty;
            }

            var values = new Dictionary<string, string> { [CustomResourceGenerator.CrdMetadata] = "true" };
            if (file.Namespace is not null)
            {
                values[CustomResourceGenerator.NamespaceMetadata] = file.Namespace;
            }

            return new Values(values);
        }
    }

    private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static Values Empty { get; } = new([]);

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}
