using SecureManifests.Cli.Input;
using SecureManifests.Rules;

namespace SecureManifests.Cli.Lint;

/// <summary>
/// Streams every input through the rule engine: each object is checked on its own as it is read, its findings are
/// placed at the fields they are about and written out, and the object is dropped; only the engine's compact index
/// and the positions of the fields cross-object rules may still report stay. The cross-object findings come last.
/// Order (deterministic): per-object findings object by object in input order, then cross-object findings object by
/// object; within an object by position, then rule ID. Memory follows the index, not the input or the report.
/// </summary>
internal static class LintRunner
{
    private static readonly RuleEngine Engine = new();
    private static readonly ManifestReader Reader = new();

    /// <summary>Lints the inputs named by <paramref name="options"/> into <paramref name="writer"/>.</summary>
    public static LintSummary Run(LintOptions options, CliConsole console, LintReportWriter writer)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(writer);
        var (inputs, problems) = InputCollector.Collect(options.Paths, console.WorkingDirectory);
        var engineOptions = options.ToEngineOptions();
        writer.Start(RuleCatalog.All.Where(engineOptions.IsEnabled).ToList());
        var summary = new LintSummary(options.FailOn, problems) { Files = inputs.Count };
        var evaluation = Engine.StartEvaluation(engineOptions);
        var pending = new PendingPositions();
        var group = new FindingGroup(writer, summary);
        foreach (var input in inputs)
        {
            Read(input, console, problems, document =>
            {
                if (options.DefaultNamespace is not null)
                {
                    NamespaceDefaults.Apply(document.Object, options.DefaultNamespace);
                }

                var index = evaluation.Count;
                ObjectFindings result;
                try
                {
                    result = evaluation.Add(document.Object, document.Written);
                }
                catch (PodTemplateException e)
                {
                    // The object of a pod-template kind holds no pod template there: unreadable input, like a wrong-typed field.
                    var at = document.Locate(e.Field);
                    problems.Add(new InputProblem(document.SourceName, Math.Max(1, at.Line), Math.Max(1, at.Column),
                        $"{document.Label} ({document.DisplayName}): field {e.Field}: {e.Problem}"));
                    return;
                }

                foreach (var finding in result.Findings)
                {
                    var position = document.Locate(finding.Path);
                    group.Add(new LocatedFinding(finding, document.SourceName, Math.Max(1, position.Line), Math.Max(1, position.Column)));
                }

                group.Write();
                pending.Remember(index, document, result.PendingPaths);
            });
        }

        summary.Documents = evaluation.Count;
        var current = -1;
        foreach (var finding in evaluation.Complete())
        {
            if (finding.ObjectIndex != current)
            {
                group.Write();
                current = finding.ObjectIndex;
            }

            group.Add(pending.Locate(finding));
        }

        group.Write();
        writer.Finish(summary);
        return summary;
    }

    private static void Read(LintInput input, CliConsole console, List<InputProblem> problems, Action<SourceDocument> lint)
    {
        try
        {
            using var stream = input.IsStandardInput
                ? console.OpenStandardInput()
                : new FileStream(input.FullPath!, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
            foreach (var result in Reader.Read(input.DisplayName, stream))
            {
                switch (result)
                {
                    case SourceDocument document:
                        lint(document);
                        break;
                    case ReadError error:
                        problems.Add(new InputProblem(input.DisplayName, Math.Max(1, error.Line), Math.Max(1, error.Column), error.Message));
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new InputProblem(input.DisplayName, 1, 1, $"cannot read: {e.Message}"));
        }
    }

    /// <summary>
    /// The findings of one object, written in reading order: by position so the report reads top to bottom, then
    /// rule ID, then the order the engine gave (the sort is stable).
    /// </summary>
    private sealed class FindingGroup(LintReportWriter writer, LintSummary summary)
    {
        private readonly List<(LocatedFinding Finding, int Order)> _findings = new();

        public void Add(LocatedFinding finding) => _findings.Add((finding, _findings.Count));

        public void Write()
        {
            if (_findings.Count > 1)
            {
                _findings.Sort(static (a, b) =>
                {
                    var byLine = a.Finding.Line.CompareTo(b.Finding.Line);
                    if (byLine != 0)
                    {
                        return byLine;
                    }

                    var byColumn = a.Finding.Column.CompareTo(b.Finding.Column);
                    if (byColumn != 0)
                    {
                        return byColumn;
                    }

                    var byRule = string.CompareOrdinal(a.Finding.Finding.RuleId, b.Finding.Finding.RuleId);
                    return byRule != 0 ? byRule : a.Order.CompareTo(b.Order);
                });
            }

            foreach (var (finding, _) in _findings)
            {
                summary.Add(finding.Finding);
                writer.Write(finding);
            }

            _findings.Clear();
        }
    }
}
