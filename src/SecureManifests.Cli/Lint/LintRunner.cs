using k8s;
using SecureManifests.Cli.Input;
using SecureManifests.Rules;

namespace SecureManifests.Cli.Lint;

/// <summary>
/// Reads every input, then checks all objects together (cross-object rules need the whole set) and places
/// each finding at the field it is about. The reader streams, so only the parsed objects and their field
/// positions stay in memory, never the text.
/// </summary>
internal static class LintRunner
{
    private static readonly RuleEngine Engine = new();
    private static readonly ManifestReader Reader = new();

    /// <summary>Lints the inputs named by <paramref name="options"/>.</summary>
    public static LintReport Run(LintOptions options, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        var (inputs, problems) = InputCollector.Collect(options.Paths, console.WorkingDirectory);
        var documents = new List<SourceDocument>();
        foreach (var input in inputs)
        {
            Read(input, console, documents, problems);
        }

        var objects = new IKubernetesObject[documents.Count];
        for (var i = 0; i < objects.Length; i++)
        {
            objects[i] = documents[i].Object;
        }

        if (options.DefaultNamespace is not null)
        {
            NamespaceDefaults.Apply(objects, options.DefaultNamespace);
        }

        var engineOptions = options.ToEngineOptions();
        var findings = Engine.Evaluate(objects, engineOptions);
        var located = new List<LocatedFinding>(findings.Count);
        foreach (var finding in findings)
        {
            var document = documents[finding.ObjectIndex];
            var position = document.Locate(finding.Path);
            located.Add(new LocatedFinding(finding, document.SourceName, Math.Max(1, position.Line), Math.Max(1, position.Column)));
        }

        // Objects are in input order, so ordering by object keeps files in the order given; within an object,
        // by position, so the report reads top to bottom.
        var ordered = located
            .Select((f, i) => (f, i))
            .OrderBy(p => p.f.Finding.ObjectIndex)
            .ThenBy(p => p.f.Line)
            .ThenBy(p => p.f.Column)
            .ThenBy(p => p.f.Finding.RuleId, StringComparer.Ordinal)
            .ThenBy(p => p.i)
            .Select(p => p.f)
            .ToList();
        var enabled = RuleCatalog.All.Where(engineOptions.IsEnabled).ToList();
        return new LintReport(options, enabled, inputs.Count, documents.Count, ordered, problems);
    }

    private static void Read(LintInput input, CliConsole console, List<SourceDocument> documents, List<InputProblem> problems)
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
                        documents.Add(document);
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
}
