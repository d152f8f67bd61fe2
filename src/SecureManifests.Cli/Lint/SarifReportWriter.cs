using System.Text.Json;
using SecureManifests.Rules;

namespace SecureManifests.Cli.Lint;

/// <summary>
/// SARIF 2.1.0 as GitHub code scanning reads it: the checked rules in <c>tool.driver.rules</c> (with help URIs to the
/// docs pages), one result per finding with its physical location (URI relative to the working folder; waived ones
/// with an inSource suppression and its justification; with a <c>--baseline</c>, a <c>baselineState</c> on every result,
/// <c>unchanged</c> for baselined ones, which also carry an external suppression so code scanning does not alert on
/// them, <c>new</c> for the others), and
/// unreadable input as tool execution notifications with <c>executionSuccessful: false</c>.
/// </summary>
internal sealed class SarifReportWriter(TextWriter output, LintReportContext context) : JsonLintReportWriter(output)
{
    private const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    private Dictionary<string, int> _ruleIndex = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override void Start(IReadOnlyList<RuleDescriptor> enabledRules)
    {
        // Every finding is of an enabled rule (the engine checks only those), so the rules are known before the first.
        _ruleIndex = enabledRules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var json = Json;
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        WriteTool(json, enabledRules);
        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteStartArray("results");
    }

    /// <inheritdoc />
    public override void Write(LocatedFinding finding)
    {
        WriteResult(Json, finding, _ruleIndex[finding.Finding.RuleId], context.BaselineFile);
        PassOnWhenFull();
    }

    /// <inheritdoc />
    protected override void WriteEnd(LintSummary summary)
    {
        var json = Json;
        json.WriteEndArray();

        // After the results: whether the run succeeded is known only once all input is read.
        WriteInvocation(json, summary);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTool(Utf8JsonWriter json, IReadOnlyList<RuleDescriptor> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("version", ToolInfo.Version);
        json.WriteString("semanticVersion", ToolInfo.Version);
        json.WriteString("informationUri", ToolInfo.InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", rule.Name);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title);
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", rule.Rationale);
            json.WriteEndObject();
            json.WriteString("helpUri", rule.HelpUri);
            json.WriteStartObject("help");
            json.WriteString("text", rule.Flags + " See " + rule.HelpUri);
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteStartArray("tags");
            json.WriteStringValue("security");
            json.WriteStringValue("kubernetes");
            json.WriteStringValue(rule.Category);
            json.WriteEndArray();
            // GitHub code scanning ranks security alerts by this score (critical >= 9, high >= 7, medium >= 4).
            json.WriteString("security-severity", rule.DefaultSeverity switch
            {
                RuleSeverity.Error => "8.0",
                RuleSeverity.Warning => "5.0",
                _ => "2.0",
            });
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteInvocation(Utf8JsonWriter json, LintSummary report)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", report.Problems.Count == 0);
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var problem in report.Problems)
        {
            json.WriteStartObject();
            json.WriteString("level", "error");
            json.WriteStartObject("message");
            json.WriteString("text", problem.Message);
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            WritePhysicalLocation(json, problem.File, problem.Line, problem.Column);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter json, LocatedFinding f, int ruleIndex, string? baseline)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", f.Finding.RuleId);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(f.Finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", f.Finding.Message + " [" + f.ObjectName + "]");
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        WritePhysicalLocation(json, f.File, f.Line, f.Column);
        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        json.WriteString("fullyQualifiedName", f.ObjectName + (f.Finding.Path.Length > 0 ? ":" + f.Finding.Path : string.Empty));
        json.WriteString("kind", "object");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        if (baseline is not null)
        {
            // SARIF 2.1.0 3.27.24: "unchanged" is a result the baseline has, "new" one it has not.
            json.WriteString("baselineState", f.IsBaselined ? "unchanged" : "new");
        }

        if (f.Finding.WaiverReason is { } reason)
        {
            // The waiver is an annotation in the manifest itself: an in-source suppression, as code scanning reads it.
            WriteSuppression(json, "inSource", reason);
        }
        else if (f.IsBaselined)
        {
            // The baseline is kept outside the manifest: an external suppression (SARIF 3.35.2). Code scanning ignores
            // baselineState but closes suppressed results, so baselined findings raise no alert there either.
            WriteSuppression(json, "external", $"in the baseline {baseline}");
        }

        json.WriteEndObject();
    }

    private static void WriteSuppression(Utf8JsonWriter json, string kind, string justification)
    {
        json.WriteStartArray("suppressions");
        json.WriteStartObject();
        json.WriteString("kind", kind);
        json.WriteString("justification", justification);
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter json, string file, int line, int column)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", ArtifactUri(file));
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", line);
        json.WriteNumber("startColumn", column);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>A relative URI reference for paths under the working folder, a file URI otherwise.</summary>
    internal static string ArtifactUri(string file)
    {
        return Path.IsPathRooted(file)
            ? new Uri(file).AbsoluteUri
            : string.Join('/', file.Split('/').Select(Uri.EscapeDataString));
    }

    private static string Level(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        _ => "note",
    };
}
