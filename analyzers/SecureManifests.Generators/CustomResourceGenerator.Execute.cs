using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecureManifests.CustomResources;

namespace SecureManifests.Generators;

/// <summary>The transform (file to sources and problems) and the output of <see cref="CustomResourceGenerator"/>.</summary>
public sealed partial class CustomResourceGenerator
{
    private static CustomResourceFile? ToFile(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var fileOptions = options.GetOptions(file);
        if (!fileOptions.TryGetValue(CrdMetadata, out var marked) || !string.Equals(marked, "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        fileOptions.TryGetValue(NamespaceMetadata, out var ns);
        options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var rootNamespace);
        options.GlobalOptions.TryGetValue("build_property.MSBuildProjectDirectory", out var projectDirectory);
        return new CustomResourceFile(
            file.Path, HintPrefix(ManifestAppGenerator.RelativeTo(projectDirectory, file.Path)), text,
            string.IsNullOrWhiteSpace(ns) ? null : ns!.Trim(), string.IsNullOrWhiteSpace(rootNamespace) ? null : rootNamespace!.Trim());
    }

    private static CustomResourceOutput Generate(CustomResourceFile file, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = CustomResourceEmitter.Emit(file.Text, file.Path, file.Namespace, file.RootNamespace);
        var sources = new CustomResourceOutputSource[result.Sources.Count];
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sources.Length; i++)
        {
            var source = result.Sources[i];

            // Two CRDs of one kind in a file (different groups) still get distinct hint names.
            var kind = kinds.Add(source.Kind) ? source.Kind : source.Kind + "." + HintPrefix(source.Group);
            sources[i] = new CustomResourceOutputSource(file.HintPrefix + "." + kind + ".g.cs", source.Source);
        }

        var problems = new CustomResourceOutputProblem[result.Problems.Count];
        var lines = problems.Length == 0 ? null : SourceText.From(file.Text).Lines;
        for (var i = 0; i < problems.Length; i++)
        {
            var problem = result.Problems[i];
            var line = Math.Min(Math.Max(problem.Line - 1, 0), lines!.Count - 1);
            var span = lines[line].Span;
            var column = Math.Min(Math.Max(problem.Column - 1, 0), span.Length);
            problems[i] = new CustomResourceOutputProblem(problem.Id, problem.Message, span.Start + column, span.Length - column, line, column);
        }

        return new CustomResourceOutput(file.Path, new EquatableArray<CustomResourceOutputSource>(sources), new EquatableArray<CustomResourceOutputProblem>(problems));
    }

    private static void Execute(SourceProductionContext context, CustomResourceOutput output)
    {
        foreach (var problem in output.Problems)
        {
            var location = Location.Create(
                output.Path,
                new TextSpan(problem.Start, problem.Length),
                new LinePositionSpan(new LinePosition(problem.Line, problem.Column), new LinePosition(problem.Line, problem.Column + problem.Length)));
            context.ReportDiagnostic(Diagnostic.Create(CustomResourceDiagnostics.For(problem.Id), location, problem.Message));
        }

        foreach (var source in output.Sources)
        {
            context.AddSource(source.HintName, SourceText.From(source.Text, Encoding.UTF8));
        }
    }

    /// <summary>A path as a hint-name part: letters, digits, '.', '-' and '_' kept, anything else '_', the extension dropped.</summary>
    internal static string HintPrefix(string path)
    {
        var normalized = path.Replace('\\', '/');
        var dot = normalized.LastIndexOf('.');
        if (dot > normalized.LastIndexOf('/') + 1)
        {
            normalized = normalized.Substring(0, dot);
        }

        var hint = new StringBuilder(normalized.Length + 9);
        var replaced = false;
        foreach (var c in normalized.TrimStart('/'))
        {
            var kept = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '-' or '_';
            hint.Append(kept ? c : '_');
            replaced |= !kept && c != '/';
        }

        // "a b.yaml" and "a_b.yaml" would share a hint name, which AddSource rejects: a replaced character adds a hash
        // of the path ('/' is replaced too, but a path has one file per name, so "crds/a" never meets "crds_a" alone).
        return replaced ? hint.Append('_').Append(CSharpNames.Hash(normalized)).ToString() : hint.ToString();
    }
}
