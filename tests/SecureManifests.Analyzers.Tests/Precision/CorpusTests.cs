using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SecureManifests.Analyzers.Tests.Infrastructure;

namespace SecureManifests.Analyzers.Tests.Precision;

/// <summary>
/// Precision on real code: each file of <c>Corpus/</c> is C# in the styles public KubernetesClient code uses (test suites,
/// generators of every built-in kind, operators' Deployments, webhooks and RBAC). It is compiled on its own with the
/// analyzers at their defaults (opt-in rules off, as a user gets them), and the findings must be exactly the lines that
/// end in <c>// expect: SMxxxx[ SMyyyy]</c>. On a difference the test prints precision and recall over the whole corpus.
/// </summary>
public sealed partial class CorpusTests
{
    private static readonly string Folder = Repository.PathOf("tests", "SecureManifests.Analyzers.Tests", "Corpus");

    private static readonly string[] FileNames = Directory.GetFiles(Folder, "*.cs").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();

    public static TheoryData<string> Files => new(FileNames);

    [Fact]
    public void The_corpus_is_there() => Assert.True(FileNames.Length >= 4, "the corpus has at least four files");

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Analyzers_report_exactly_the_marked_findings(string file)
    {
        var result = await AnalyzeAsync(file);

        var missed = result.Expected.Except(result.Reported).Order().ToList();
        var spurious = result.Reported.Except(result.Expected).Order().ToList();
        if (missed.Count > 0 || spurious.Count > 0)
        {
            var report = new StringBuilder();
            report.AppendLine(file + ": " + Score([result]));
            report.AppendLine("whole corpus: " + Score(await Task.WhenAll(FileNames.Select(AnalyzeAsync))));
            foreach (var finding in spurious)
            {
                report.AppendLine("  false positive " + finding + ": " + result.Messages[finding]);
            }

            foreach (var finding in missed)
            {
                report.AppendLine("  missed " + finding);
            }

            Assert.Fail(report.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Analyzers_do_not_crash_or_name_model_types(string file)
    {
        var result = await AnalyzeAsync(file);

        var messages = result.Diagnostics.Select(d => (d.Id, Message: d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.DoesNotContain(messages, m => m.Id == "AD0001");
        Assert.DoesNotContain(messages, m => ModelTypeName().IsMatch(m.Message));
    }

    private static async Task<CorpusResult> AnalyzeAsync(string file)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(Folder, file));
        var diagnostics = await CompiledProgram.Compile(text).AnalyzeAsync();
        var reported = new HashSet<Finding>();
        var messages = new Dictionary<Finding, string>();
        foreach (var diagnostic in diagnostics.Where(d => d.Id.StartsWith("SM", StringComparison.Ordinal)))
        {
            var finding = new Finding(diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1, diagnostic.Id);
            reported.Add(finding);
            messages.TryAdd(finding, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        var expected = new HashSet<Finding>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = Marker().Match(lines[i]);
            foreach (var id in marker.Success ? marker.Groups["ids"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [])
            {
                expected.Add(new Finding(i + 1, id));
            }
        }

        return new CorpusResult(expected, reported, messages, diagnostics);
    }

    /// <summary>Precision (reported findings that are expected) and recall (expected findings that are reported).</summary>
    private static string Score(IEnumerable<CorpusResult> results)
    {
        int expected = 0, reported = 0, correct = 0;
        foreach (var result in results)
        {
            expected += result.Expected.Count;
            reported += result.Reported.Count;
            correct += result.Expected.Intersect(result.Reported).Count();
        }

        var precision = reported == 0 ? 1.0 : (double)correct / reported;
        var recall = expected == 0 ? 1.0 : (double)correct / expected;
        return FormattableString.Invariant($"precision {precision:P1} ({correct}/{reported}), recall {recall:P1} ({correct}/{expected})");
    }

    [GeneratedRegex(@"//\s*expect:\s*(?<ids>SM\d{4}(\s+SM\d{4})*)\s*$")]
    private static partial Regex Marker();

    /// <summary>A C# model type in a message (<c>'V1Pod'</c>, <c>V1SecurityContext</c>, <c>Rbacv1Subject</c>), which users never write in YAML.</summary>
    [GeneratedRegex(@"\b(V\d+(alpha|beta)?\d*[A-Z]\w*|Rbacv1\w+)")]
    private static partial Regex ModelTypeName();

    private sealed record Finding(int Line, string Id) : IComparable<Finding>
    {
        public int CompareTo(Finding? other) => other is null ? 1 : (Line, Id).CompareTo((other.Line, other.Id));

        public override string ToString() => "line " + Line + " " + Id;
    }

    private sealed record CorpusResult(HashSet<Finding> Expected, HashSet<Finding> Reported, Dictionary<Finding, string> Messages, IReadOnlyList<Diagnostic> Diagnostics);
}
