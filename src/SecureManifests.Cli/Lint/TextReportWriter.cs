using System.Globalization;
using System.Text;
using SecureManifests.Rules;
using SecureManifests.Validation;

namespace SecureManifests.Cli.Lint;

/// <summary>
/// The compiler form IDEs and CI annotate: <c>file:line:col: severity ID: message [kind/ns/name]</c> per finding.
/// Suppressed (waived) and baselined findings get no line, only a count in the summary (see <see cref="StandardErrorReport"/>).
/// </summary>
/// <param name="output">Where the findings go.</param>
/// <param name="style">Colour for <paramref name="output"/>: the severity and rule ID of each finding.</param>
internal sealed class TextReportWriter(TextWriter output, TextStyle style) : LintReportWriter
{
    private readonly StringBuilder _line = new(256);

    /// <inheritdoc />
    public override void Start(IReadOnlyList<RuleDescriptor> enabledRules)
    {
    }

    /// <inheritdoc />
    public override void Write(LocatedFinding f)
    {
        if (f.IsQuiet)
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
            .Append(style.Severity(f.Finding.Severity, f.SeverityName + " " + f.Finding.RuleId)).Append(": ")
            .Append(PrintableText.Escape(f.Finding.Message)).Append(" [").Append(PrintableText.Escape(f.ObjectName)).Append(']');
        output.Line(line.ToString());
    }

    /// <inheritdoc />
    public override void Finish(LintSummary summary)
    {
    }
}
