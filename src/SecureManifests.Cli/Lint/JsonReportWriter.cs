using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SecureManifests.Rules;

namespace SecureManifests.Cli.Lint;

/// <summary>
/// <c>{"findings":[...],"readErrors":[...],"summary":{...}}</c>. The finding fields (ruleId, severity, file, line,
/// column, kind, namespace, name, container, path, message, suppressed, and justification on suppressed ones only) are
/// a public contract; absent values are null. The summary counts unsuppressed findings, and suppressed ones apart.
/// Written with <see cref="Utf8JsonWriter"/>: no reflection, fixed property order, <c>\n</c> line ends.
/// </summary>
internal static class JsonReportWriter
{
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(LintReport report, TextWriter output, TextWriter error)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartArray("findings");
            foreach (var f in report.Findings)
            {
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
                if (f.Finding.WaiverReason is { } reason)
                {
                    json.WriteString("justification", reason);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("readErrors");
            foreach (var problem in report.Problems)
            {
                json.WriteStartObject();
                json.WriteString("file", problem.File);
                json.WriteNumber("line", problem.Line);
                json.WriteNumber("column", problem.Column);
                json.WriteString("message", problem.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("files", report.Files);
            json.WriteNumber("documents", report.Documents);
            json.WriteNumber("findings", report.Unsuppressed);
            json.WriteStartObject("bySeverity");
            json.WriteNumber("error", report.Count(RuleSeverity.Error));
            json.WriteNumber("warning", report.Count(RuleSeverity.Warning));
            json.WriteNumber("info", report.Count(RuleSeverity.Info));
            json.WriteEndObject();
            json.WriteNumber("readErrors", report.Problems.Count);
            json.WriteNumber("suppressed", report.Suppressed);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        output.Line(Encoding.UTF8.GetString(buffer.WrittenSpan));
        ProblemWriter.Write(report, error);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
