extern alias sdk;

using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using k8s;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Finding = sdk::SecureManifests.Rules.Finding;
using RuleEngine = sdk::SecureManifests.Rules.RuleEngine;
using RuleEngineOptions = sdk::SecureManifests.Rules.RuleEngineOptions;

namespace SecureManifests.Analyzers.Tests.Infrastructure;

/// <summary>
/// A C# program that defines <c>public static class Definition</c> with <c>IReadOnlyList&lt;IKubernetesObject&gt; Build()</c>,
/// compiled with Roslyn against the running framework, KubernetesClient and the SDK: the SecureManifests analyzers run
/// over its source, and the compiled program runs so the rule engine can check the objects it builds.
/// </summary>
internal sealed class CompiledProgram
{
    private readonly CSharpCompilation _compilation;

    private CompiledProgram(CSharpCompilation compilation) => _compilation = compilation;

    /// <summary>Compiles <paramref name="source"/>; the rules in <paramref name="enabledRules"/> report even when they are off by default.</summary>
    public static CompiledProgram Compile(string source, IEnumerable<string>? enabledRules = null)
    {
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions((enabledRules ?? []).Select(id => KeyValuePair.Create(id, ReportDiagnostic.Warn)));
        var compilation = CSharpCompilation.Create(
            "Program" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            References.Value,
            options);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return new CompiledProgram(compilation);
    }

    /// <summary>What the SecureManifests analyzers report on the source; <paramref name="screens"/> false binds every candidate.</summary>
    public async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(bool screens = true)
    {
        var options = new AnalyzerOptions([], new GlobalOptionsProvider(screens ? [] : [KeyValuePair.Create("build_property.SecureManifestsSyntaxScreen", "false")]));
        return await _compilation.WithAnalyzers(Verify.AllAnalyzers(), options).GetAnalyzerDiagnosticsAsync();
    }

    /// <summary>Runs <c>Definition.Build()</c> and checks the objects it returns with the rule engine.</summary>
    public IReadOnlyList<Finding> Evaluate(RuleEngineOptions? options = null)
    {
        using var image = new MemoryStream();
        var emit = _compilation.Emit(image);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        var context = new AssemblyLoadContext("program", isCollectible: true);
        try
        {
            image.Position = 0;
            var assembly = context.LoadFromStream(image);
            var build = assembly.GetType("Definition")!.GetMethod("Build", BindingFlags.Public | BindingFlags.Static)!;
            var objects = (IReadOnlyList<IKubernetesObject>)build.Invoke(null, null)!;
            return new RuleEngine().Evaluate(objects, options);
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>The running framework's assemblies plus KubernetesClient and the SDK.</summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform
            .Append(typeof(k8s.Models.V1Pod).Assembly.Location)
            .Append(typeof(sdk::SecureManifests.App).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    });

    /// <summary>Analyzer options as a build passes them: global ones (build properties), none per file.</summary>
    private sealed class GlobalOptionsProvider(IEnumerable<KeyValuePair<string, string>> values) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _global = new(values.ToImmutableDictionary());

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(ImmutableDictionary<string, string>.Empty);

            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
