using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecureManifests.CustomResources;
using SecureManifests.Generators;

namespace SecureManifests.Benchmarks;

/// <summary>
/// "crd-generate DIR [RUNS] [--split-first]": the CRD source generator on every *.yaml under DIR, as the compiler runs it (AdditionalFiles
/// with SecureManifestsCrd=true), through a fresh CSharpGeneratorDriver per run, so each run is a first generation.
/// Prints each run and the median, and the reader alone and the emitter alone on the same files: after the runs (warm),
/// or with --split-first before them, in a process that has run nothing yet (cold).
/// </summary>
internal static class CrdGenerate
{
    /// <param name="splitFirst">Time the reader and the emitter apart before the generator runs, so cold (JIT included).</param>
    public static int Run(string directory, int runs, bool splitFirst)
    {
        var files = Directory.GetFiles(directory, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(path => (Path: path, Text: File.ReadAllText(path))).ToList();
        var bytes = files.Sum(f => (long)f.Text.Length);
        var texts = files.Select(f => (AdditionalText)new FileText(f.Path, f.Text)).ToImmutableArray();
        var compilation = CSharpCompilation.Create("Consumer", options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Console.WriteLine($"{files.Count} files, {bytes / 1024.0 / 1024.0:F1} MB of YAML, {runs} runs");
        if (splitFirst)
        {
            Split(files, "cold, before any run");
        }

        var times = new List<double>(runs);
        var sourceBytes = 0L;
        for (var run = 1; run <= runs; run++)
        {
            var clock = Stopwatch.StartNew();
            var driver = CSharpGeneratorDriver.Create(
                [new CustomResourceGenerator().AsSourceGenerator()], texts, new CSharpParseOptions(LanguageVersion.Latest), MarkedCrds.Instance);
            var result = driver.RunGenerators(compilation).GetRunResult();
            clock.Stop();
            if (!result.Diagnostics.IsEmpty || result.Results.Single().Exception is { } failure)
            {
                Console.Error.WriteLine("generation failed: " + string.Join("; ", result.Diagnostics.Select(d => d.ToString())));
                return 1;
            }

            sourceBytes = result.GeneratedTrees.Sum(t => (long)t.Length);
            times.Add(clock.Elapsed.TotalMilliseconds);
            Console.WriteLine($"run {run}: {clock.Elapsed.TotalMilliseconds:F0} ms ({result.GeneratedTrees.Length} sources, {sourceBytes / 1024.0 / 1024.0:F1} MB of C#)");
        }

        Console.WriteLine($"median: {Median(times):F0} ms, first: {times[0]:F0} ms");

        if (!splitFirst)
        {
            Split(files, "warm, after the runs above");
        }

        return 0;
    }

    /// <summary>The two halves, on the SDK's copy of the same code: reading (YAML to schema) and emitting (schema to C#).</summary>
    private static void Split(List<(string Path, string Text)> files, string when)
    {
        var read = Stopwatch.StartNew();
        var definitions = files.SelectMany(f => CustomResourceDefinitionReader.Read(f.Text, f.Path).Definitions).ToList();
        read.Stop();
        var emit = Stopwatch.StartNew();
        var length = definitions.Sum(d => (long)CustomResourceEmitter.Emit(d, "Consumer.Crds", "crd.yaml").Length);
        emit.Stop();
        Console.WriteLine($"parse: {read.Elapsed.TotalMilliseconds:F0} ms, emit: {emit.Elapsed.TotalMilliseconds:F0} ms ({definitions.Count} CRDs, {length / 1024.0 / 1024.0:F1} MB), {when}");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed class FileText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Every file is a CRD (SecureManifestsCrd=true), with no Namespace metadata and no root namespace.</summary>
    private sealed class MarkedCrds : AnalyzerConfigOptionsProvider
    {
        public static MarkedCrds Instance { get; } = new();

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(null);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(CustomResourceGenerator.CrdMetadata);

        private sealed class Options(string? marked) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            {
                value = key == marked ? "true" : null;
                return value is not null;
            }
        }
    }
}
