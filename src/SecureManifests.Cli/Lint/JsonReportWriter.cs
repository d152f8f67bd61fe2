using System.Text.Encodings.Web;
using System.Text.Json;
using SecureManifests.Rules;

namespace SecureManifests.Cli.Lint;

/// <summary>
/// <c>{"findings":[...],"readErrors":[...],"summary":{...}}</c>. The finding fields (ruleId, severity, file, line,
/// column, kind, namespace, name, container, path, message, suppressed, and justification on suppressed ones only) are
/// a public contract, and so are baselined, the skipped files and the summary's skipped, baselined and baselineFixed;
/// absent values are null. The summary counts findings neither suppressed nor baselined, and the others apart.
/// Written with <see cref="Utf8JsonWriter"/> as findings come: no reflection, fixed property order, <c>\n</c> line ends.
/// </summary>
internal sealed class JsonReportWriter(TextWriter output) : JsonLintReportWriter(output)
{
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <inheritdoc />
    public override void Start(IReadOnlyList<RuleDescriptor> enabledRules)
    {
        var json = Json;
        json.WriteStartObject();
        json.WriteStartArray("findings");
    }

    /// <inheritdoc />
    public override void Write(LocatedFinding f)
    {
        var json = Json;
        json.WriteStartObject();
        json.WriteString("ruleId", f.Finding.RuleId);
        json.WriteString("severity", f.SeverityName);
        json.WriteString("file", f.File);
        json.WriteNumber("line", f.Line);
        json.WriteNumber("column", f.Column);
        json.WriteString("kind", f.Finding.Kind);
        json.WriteString("namespace", NullIfEmpty(f.Finding.Namespace));
        json.WriteString("name", f.Finding.Name);
        json.WriteString("container", f.Finding.Container);
        json.WriteString("path", f.Finding.Path);
        json.WriteString("message", f.Finding.Message);
        json.WriteBoolean("suppressed", f.Finding.IsSuppressed);
        json.WriteBoolean("baselined", f.IsBaselined);
        if (f.Finding.WaiverReason is { } reason)
        {
            json.WriteString("justification", reason);
        }

        json.WriteEndObject();
        PassOnWhenFull();
    }

    /// <inheritdoc />
    protected override void WriteEnd(LintSummary summary)
    {
        var json = Json;
        json.WriteEndArray();
        json.WriteStartArray("readErrors");
        foreach (var problem in summary.Problems)
        {
            json.WriteStartObject();
            json.WriteString("file", problem.File);
            json.WriteNumber("line", problem.Line);
            json.WriteNumber("column", problem.Column);
            json.WriteString("message", problem.Message);
            json.WriteEndObject();
            PassOnWhenFull();
        }

        json.WriteEndArray();
        json.WriteStartArray("skipped");
        foreach (var skipped in summary.Skipped)
        {
            json.WriteStartObject();
            json.WriteString("file", skipped.File);
            json.WriteString("reason", skipped.Reason);
            json.WriteEndObject();
            PassOnWhenFull();
        }

        json.WriteEndArray();
        json.WriteStartObject("summary");
        json.WriteNumber("files", summary.Files);
        json.WriteNumber("documents", summary.Documents);
        json.WriteNumber("findings", summary.Unsuppressed);
        json.WriteStartObject("bySeverity");
        json.WriteNumber("error", summary.Count(RuleSeverity.Error));
        json.WriteNumber("warning", summary.Count(RuleSeverity.Warning));
        json.WriteNumber("info", summary.Count(RuleSeverity.Info));
        json.WriteEndObject();
        json.WriteNumber("readErrors", summary.Problems.Count);
        json.WriteNumber("suppressed", summary.Suppressed);
        json.WriteNumber("skipped", summary.Skipped.Count);
        json.WriteNumber("baselined", summary.Baselined);
        json.WriteStartArray("baselineFixed");
        foreach (var entry in summary.Fixed)
        {
            Baseline.BaselineFile.WriteEntry(json, entry);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
