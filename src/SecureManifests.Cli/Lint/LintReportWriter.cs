using SecureManifests.Rules;

namespace SecureManifests.Cli.Lint;

/// <summary>
/// A report format, written as the run goes: <see cref="Start"/> once, <see cref="AddObject"/> per object as it is
/// read, <see cref="Write"/> per finding in report order, <see cref="Finish"/> with the counts and the unreadable input.
/// Nothing of the report is held back in memory, so output reaches its stream progressively and memory does not grow
/// with the number of findings. Standard error, the run's account, is <see cref="StandardErrorReport"/>'s.
/// </summary>
internal abstract class LintReportWriter : IDisposable
{
    /// <summary>
    /// The writer of <paramref name="format"/> onto <paramref name="output"/>. Only text is coloured, in
    /// <paramref name="style"/>; the other formats are for programs, or for GitHub, which reads them raw.
    /// </summary>
    public static LintReportWriter For(ReportFormat format, TextWriter output, LintReportContext context, TextStyle? style = null) => format switch
    {
        ReportFormat.Json => new JsonReportWriter(output),
        ReportFormat.Sarif => new SarifReportWriter(output, context),
        ReportFormat.Junit => new JunitReportWriter(output),
        ReportFormat.Github => new GithubReportWriter(output),
        _ => new TextReportWriter(output, style ?? TextStyle.Plain),
    };

    /// <summary>Begins the report; <paramref name="enabledRules"/> are the rules checked, in ID order.</summary>
    public abstract void Start(IReadOnlyList<RuleDescriptor> enabledRules);

    /// <summary>Notes an object as it is read, before its findings; only the formats that list every object need it.</summary>
    public virtual void AddObject(LintObject lintObject)
    {
    }

    /// <summary>Writes one finding, suppressed and baselined ones included.</summary>
    public abstract void Write(LocatedFinding finding);

    /// <summary>Ends the report.</summary>
    public abstract void Finish(LintSummary summary);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the format holds (a JSON writer, spool files).</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}

/// <summary>What a format needs to know of the run besides its findings.</summary>
/// <param name="BaselineFile">The <c>--baseline</c> as given, or null when the run has none.</param>
internal sealed record LintReportContext(string? BaselineFile);

/// <summary>One object as it was read: where, and who it is.</summary>
internal sealed record LintObject(int Index, string File, int Line, int Column, string Group, string Kind, string? Namespace, string Name)
{
    /// <summary><c>Kind/namespace/name</c>, as findings name it.</summary>
    public string DisplayName => LocatedFinding.ObjectNames(Kind, Namespace, Name);
}

/// <summary>Several reports of one run (<c>--format text --format sarif=results.sarif</c>): every call goes to each.</summary>
internal sealed class MultiReportWriter(IReadOnlyList<LintReportWriter> writers) : LintReportWriter
{
    public override void Start(IReadOnlyList<RuleDescriptor> enabledRules)
    {
        foreach (var writer in writers)
        {
            writer.Start(enabledRules);
        }
    }

    public override void AddObject(LintObject lintObject)
    {
        foreach (var writer in writers)
        {
            writer.AddObject(lintObject);
        }
    }

    public override void Write(LocatedFinding finding)
    {
        foreach (var writer in writers)
        {
            writer.Write(finding);
        }
    }

    public override void Finish(LintSummary summary)
    {
        foreach (var writer in writers)
        {
            writer.Finish(summary);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var writer in writers)
            {
                writer.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
