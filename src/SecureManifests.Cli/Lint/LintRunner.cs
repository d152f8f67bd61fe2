using k8s;
using k8s.Models;
using SecureManifests.Cli.Baseline;
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
    /// <param name="options">What to lint and how.</param>
    /// <param name="console">Where stdin and the working folder are.</param>
    /// <param name="writer">The reports.</param>
    /// <param name="recorder">Takes every unsuppressed finding, for <c>--write-baseline</c>; null without it.</param>
    public static LintSummary Run(LintOptions options, CliConsole console, LintReportWriter writer, BaselineRecorder? recorder = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(writer);
        var (inputs, problems) = InputCollector.Collect(options.Paths, console.WorkingDirectory, options.IgnorePaths.Count > 0 ? options.IsIgnored : null);
        string? rendered = null;
        try
        {
            if (options.Kustomize is { } directory)
            {
                (rendered, var problem) = KustomizeRenderer.Render(directory, console);
                if (problem is not null)
                {
                    problems.Add(problem);
                }
                else
                {
                    inputs.Add(new LintInput(KustomizeRenderer.DisplayName(directory), rendered));
                }
            }

            return Run(options, console, writer, recorder, inputs, problems);
        }
        finally
        {
            if (rendered is not null)
            {
                File.Delete(rendered);
            }
        }
    }

    private static LintSummary Run(LintOptions options, CliConsole console, LintReportWriter writer, BaselineRecorder? recorder, List<LintInput> inputs, List<InputProblem> problems)
    {
        var engineOptions = options.ToEngineOptions();
        InputCrds.AddFromFiles(engineOptions.PodTemplateKinds, inputs, problems);
        writer.Start(RuleCatalog.All.Where(engineOptions.IsEnabled).ToList());
        var summary = new LintSummary(options.FailOn, problems) { Files = inputs.Count };
        var evaluation = Engine.StartEvaluation(engineOptions);
        var pending = new PendingPositions();
        var baseline = options.Baseline is { } entries ? new BaselineMatcher(entries) : null;
        var group = new FindingGroup(writer, summary, baseline, recorder);
        foreach (var input in inputs)
        {
            Read(input, console, summary, options.Strict, document =>
            {
                if (options.DefaultNamespace is not null)
                {
                    NamespaceDefaults.Apply(document.Object, options.DefaultNamespace);
                }

                if (input.IsStandardInput)
                {
                    // The evaluation reads the set as each object comes: the objects after a CRD on stdin have their pods known.
                    InputCrds.AddFromDocument(engineOptions.PodTemplateKinds, document, problems);
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

                var apiGroup = ApiGroups.Of(document.ApiVersion);
                var @namespace = (document.Object as IMetadata<V1ObjectMeta>)?.Metadata?.NamespaceProperty ?? document.Namespace;
                writer.AddObject(new LintObject(index, document.SourceName, Math.Max(1, document.Line), Math.Max(1, document.Column), apiGroup, document.Kind, @namespace, document.Name ?? string.Empty));
                foreach (var finding in result.Findings)
                {
                    var position = document.Locate(finding.Path);
                    group.Add(new LocatedFinding(finding, document.SourceName, Math.Max(1, position.Line), Math.Max(1, position.Column), apiGroup));
                }

                group.Write();
                pending.Remember(index, document, result.PendingPaths);
            });
        }

        summary.Documents = evaluation.Count;
        summary.NothingToLint = evaluation.Count == 0 && problems.Count == 0 && !options.AllowEmpty;
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
        summary.Fixed = baseline?.Fixed() ?? [];
        writer.Finish(summary);
        return summary;
    }

    // A file that turns out to hold no object is skipped rather than reported, unless --strict: its "not an object"
    // errors are held until the file shows an object (then they are real) or ends (then it is skipped). Files named on
    // the command line are skipped too, because pre-commit and `git ls-files '*.yaml' | xargs` name every YAML file of
    // a repository; stdin is reported as read, since a pipe is meant to carry manifests.
    private static void Read(LintInput input, CliConsole console, LintSummary summary, bool strict, Action<SourceDocument> lint)
    {
        var mayBeSkipped = !input.IsStandardInput && !strict;
        var held = new List<(InputProblem Problem, bool NotAnObject)>();
        var objects = 0;
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
                        if (objects++ == 0)
                        {
                            summary.Problems.AddRange(held.Select(h => h.Problem));
                            held.Clear();
                        }

                        lint(document);
                        break;
                    case ReadError error:
                        var problem = new InputProblem(input.DisplayName, Math.Max(1, error.Line), Math.Max(1, error.Column), error.Message);
                        if (mayBeSkipped && objects == 0)
                        {
                            held.Add((problem, error.Kind == ReadErrorKind.NotAnObject));
                        }
                        else
                        {
                            summary.Problems.Add(problem);
                        }

                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            summary.Problems.Add(new InputProblem(input.DisplayName, 1, 1, $"cannot read: {e.Message}"));
            return;
        }

        if (objects > 0)
        {
            return;
        }

        if (!input.IsStandardInput && strict && held.Count == 0 && !summary.Problems.Any(p => p.File == input.DisplayName))
        {
            summary.Problems.Add(new InputProblem(input.DisplayName, 1, 1, "no Kubernetes object in this file (--strict)"));
            return;
        }

        if (!mayBeSkipped)
        {
            return;
        }

        if (held.All(h => h.NotAnObject))
        {
            summary.Skipped.Add(new SkippedInput(input.DisplayName, held.Count == 0 ? "no Kubernetes object in it (it is empty)" : "no Kubernetes object in it (no document has a kind)"));
        }
        else if (TemplateMarker.IsIn(input.FullPath!))
        {
            summary.Skipped.Add(new SkippedInput(input.DisplayName, "a template, not a manifest (it holds '{{'): lint what it renders, e.g. helm template ... | secure-manifests lint -"));
        }
        else
        {
            summary.Problems.AddRange(held.Select(h => h.Problem));
        }
    }

    /// <summary>
    /// The findings of one object, written in reading order: by position so the report reads top to bottom, then
    /// rule ID, then the order the engine gave (the sort is stable). Each is matched against the baseline and
    /// recorded for a new one on the way out.
    /// </summary>
    private sealed class FindingGroup(LintReportWriter writer, LintSummary summary, BaselineMatcher? baseline, BaselineRecorder? recorder)
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

            foreach (var (located, _) in _findings)
            {
                var finding = located;
                if (!finding.Finding.IsSuppressed && (baseline is not null || recorder is not null))
                {
                    var entry = BaselineEntry.Of(finding);
                    recorder?.Add(entry);
                    if (baseline?.TryConsume(entry) == true)
                    {
                        finding = finding with { IsBaselined = true };
                    }
                }

                summary.Add(finding);
                writer.Write(finding);
            }

            _findings.Clear();
        }
    }
}
