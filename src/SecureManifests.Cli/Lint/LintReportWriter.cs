using SecureManifests.Rules;

namespace SecureManifests.Cli.Lint;

/// <summary>
/// A report format, written as the run goes: <see cref="Start"/> once, <see cref="Write"/> per finding in report
/// order, <see cref="Finish"/> with the counts and the unreadable input. Nothing of the report is held back, so the
/// output reaches stdout progressively and memory does not grow with the number of findings.
/// </summary>
internal abstract class LintReportWriter : IDisposable
{
    /// <summary>
    /// The writer of <paramref name="format"/>: the report on <paramref name="output"/>, read errors on
    /// <paramref name="error"/>. Only text is coloured, in the given styles; JSON and SARIF are for programs.
    /// </summary>
    public static LintReportWriter For(ReportFormat format, TextWriter output, TextWriter error, TextStyle? outputStyle = null, TextStyle? errorStyle = null) => format switch
    {
        ReportFormat.Json => new JsonReportWriter(output, error),
        ReportFormat.Sarif => new SarifReportWriter(output, error),
        _ => new TextReportWriter(output, error, outputStyle ?? TextStyle.Plain, errorStyle ?? TextStyle.Plain),
    };

    /// <summary>Begins the report; <paramref name="enabledRules"/> are the rules checked, in ID order.</summary>
    public abstract void Start(IReadOnlyList<RuleDescriptor> enabledRules);

    /// <summary>Writes one finding, suppressed ones included.</summary>
    public abstract void Write(LocatedFinding finding);

    /// <summary>Ends the report.</summary>
    public abstract void Finish(LintSummary summary);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the JSON writer of the JSON formats.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
