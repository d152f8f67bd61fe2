using System.Globalization;
using System.Text;
using SecureManifests.Rules;
using SecureManifests.Validation;

namespace SecureManifests.Cli.Lint;

/// <summary>
/// The compiler form IDEs and CI annotate: <c>file:line:col: severity ID: message [kind/ns/name]</c> per finding on
/// stdout; unreadable input as <c>file:line:col: error: message</c> and one summary line on stderr. Suppressed (waived)
/// findings get no line, only a count in the summary.
/// </summary>
/// <param name="output">Standard output, for the findings.</param>
/// <param name="error">Standard error, for unreadable input and the summary.</param>
/// <param name="outputStyle">Colour for <paramref name="output"/>: the severity and rule ID of each finding.</param>
/// <param name="errorStyle">Colour for <paramref name="error"/>.</param>
internal sealed class TextReportWriter(TextWriter output, TextWriter error, TextStyle outputStyle, TextStyle errorStyle) : LintReportWriter
{
    private readonly StringBuilder _line = new(256);

    /// <inheritdoc />
    public override void Start(IReadOnlyList<RuleDescriptor> enabledRules)
    {
    }

    /// <inheritdoc />
    public override void Write(LocatedFinding f)
    {
        if (f.Finding.IsSuppressed)
        {
            return;
        }

        var line = _line;
        line.Clear();
        // File names, messages and object names carry text from the input: escaped, each finding stays one line
        // and no value reaches the terminal raw.
        line.Append(PrintableText.Escape(f.File)).Append(':')
            .Append(f.Line.ToString(CultureInfo.InvariantCulture)).Append(':')
            .Append(f.Column.ToString(CultureInfo.InvariantCulture)).Append(": ")
            .Append(outputStyle.Severity(f.Finding.Severity, f.SeverityName + " " + f.Finding.RuleId)).Append(": ")
            .Append(PrintableText.Escape(f.Finding.Message)).Append(" [").Append(PrintableText.Escape(f.ObjectName)).Append(']');
        output.Line(line.ToString());
    }

    /// <inheritdoc />
    public override void Finish(LintSummary summary)
    {
        ProblemWriter.Write(summary, error, errorStyle);
        error.Line(Summary(summary));
    }

    public static string Summary(LintSummary report)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Plural(report.Files, "file")}, {Plural(report.Documents, "object")}: " +
            $"{Plural(report.Count(RuleSeverity.Error), "error")}, {Plural(report.Count(RuleSeverity.Warning), "warning")}, " +
            $"{report.Count(RuleSeverity.Info).ToString(CultureInfo.InvariantCulture)} info");
        if (report.Suppressed > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", {report.Suppressed} suppressed");
        }

        if (report.Problems.Count > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"; {Plural(report.Problems.Count, "input error")}");
        }

        return text;
    }

    private static string Plural(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
}

/// <summary>Unreadable input on stderr, one line each, in every format.</summary>
internal static class ProblemWriter
{
    public static void Write(LintSummary report, TextWriter error, TextStyle? style = null)
    {
        foreach (var problem in report.Problems)
        {
            error.Line(problem.Format(style ?? TextStyle.Plain));
        }
    }
}
