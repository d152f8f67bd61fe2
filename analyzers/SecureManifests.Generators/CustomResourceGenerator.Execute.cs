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

        TextLineCollection? lines = null;
        var problems = new CustomResourceOutputProblem[result.Problems.Count];
        for (var i = 0; i < problems.Length; i++)
        {
            var problem = result.Problems[i];
            problems[i] = At(file.Text, ref lines, problem.Id, problem.Message, problem.Line, problem.Column);
        }

        var kindsOfFile = new CustomResourceKind[result.Sources.Count];
        for (var i = 0; i < kindsOfFile.Length; i++)
        {
            var source = result.Sources[i];
            var typeName = source.Namespace + "." + CSharpNames.Pascal(source.Kind, "Resource");
            kindsOfFile[i] = new CustomResourceKind(file.Path, typeName, At(file.Text, ref lines, CustomResourceProblemIds.DuplicateKind, typeName, source.Line, 1));
        }

        return new CustomResourceOutput(
            file.Path, new EquatableArray<CustomResourceOutputSource>(sources), new EquatableArray<CustomResourceOutputProblem>(problems),
            new EquatableArray<CustomResourceKind>(kindsOfFile));
    }

    /// <summary>A problem at a 1-based line and column of <paramref name="text"/> (its lines computed on first use).</summary>
    private static CustomResourceOutputProblem At(string text, ref TextLineCollection? lines, string id, string message, int line1, int column1)
    {
        lines ??= SourceText.From(text).Lines;
        var line = Math.Min(Math.Max(line1 - 1, 0), lines.Count - 1);
        var span = lines[line].Span;
        var column = Math.Min(Math.Max(column1 - 1, 0), span.Length);
        return new CustomResourceOutputProblem(id, message, span.Start + column, span.Length - column, line, column);
    }

    /// <summary>SM0115 at every CRD after the first (by path) whose kind takes a C# name already taken.</summary>
    private static void ReportDuplicateKinds(SourceProductionContext context, EquatableArray<CustomResourceKind> kinds)
    {
        foreach (var group in kinds.GroupBy(k => k.TypeName, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var ordered = group.OrderBy(k => k.Path, StringComparer.Ordinal).ThenBy(k => k.At.Start).ToList();
            foreach (var duplicate in ordered.Skip(1))
            {
                Report(context, duplicate.Path, duplicate.At with
                {
                    Message = "The CRD defines " + group.Key + ", which " + System.IO.Path.GetFileName(ordered[0].Path) +
                        " defines too; give one of the files another Namespace metadata",
                });
            }
        }
    }

    private static void Execute(SourceProductionContext context, CustomResourceOutput output)
    {
        foreach (var problem in output.Problems)
        {
            Report(context, output.Path, problem);
        }

        foreach (var source in output.Sources)
        {
            context.AddSource(source.HintName, SourceText.From(source.Text, Encoding.UTF8));
        }
    }

    private static void Report(SourceProductionContext context, string path, CustomResourceOutputProblem problem)
    {
        var location = Location.Create(
            path,
            new TextSpan(problem.Start, problem.Length),
            new LinePositionSpan(new LinePosition(problem.Line, problem.Column), new LinePosition(problem.Line, problem.Column + problem.Length)));
        context.ReportDiagnostic(Diagnostic.Create(CustomResourceDiagnostics.For(problem.Id), location, problem.Message));
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
