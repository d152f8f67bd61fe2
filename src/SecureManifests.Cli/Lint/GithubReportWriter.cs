using System.Globalization;
using System.Text;
using SecureManifests.Rules;

namespace SecureManifests.Cli.Lint;

/// <summary>
/// GitHub Actions workflow commands, which the runner turns into annotations on the pull request's files:
/// <c>::error file=F,line=L,col=C,title=SM1001::message [Kind/ns/name]</c> per finding (warning and notice for the
/// lower severities), and one <c>::error</c> per unreadable input. Suppressed and baselined findings get none. Paths
/// are relative to the working folder, as GitHub wants them relative to the repository: run lint from its root.
/// Escaped as the Actions toolkit escapes (<c>%</c>, CR and LF in the message; also <c>:</c> and <c>,</c> in
/// properties), so input text can neither break a command nor start one.
/// </summary>
internal sealed class GithubReportWriter(TextWriter output) : LintReportWriter
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

        var command = f.Finding.Severity switch
        {
            RuleSeverity.Error => "error",
            RuleSeverity.Warning => "warning",
            _ => "notice",
        };
        Command(command, f.File, f.Line, f.Column, f.Finding.RuleId, $"{f.Finding.Message} [{f.ObjectName}]");
    }

    /// <inheritdoc />
    public override void Finish(LintSummary summary)
    {
        foreach (var problem in summary.Problems)
        {
            Command("error", problem.File, problem.Line, problem.Column, "unreadable input", problem.Message);
        }
    }

    /// <summary>Escapes a command's message: <c>%</c>, CR and LF.</summary>
    public static string EscapeData(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Escapes a property value: as <see cref="EscapeData"/>, and <c>:</c> and <c>,</c>, which end it.</summary>
    public static string EscapeProperty(string text) =>
        EscapeData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    private void Command(string command, string file, int line, int column, string title, string message)
    {
        _line.Clear();
        _line.Append("::").Append(command)
            .Append(" file=").Append(EscapeProperty(file))
            .Append(",line=").Append(line.ToString(CultureInfo.InvariantCulture))
            .Append(",col=").Append(column.ToString(CultureInfo.InvariantCulture))
            .Append(",title=").Append(EscapeProperty(title))
            .Append("::").Append(EscapeData(message));
        output.Line(_line.ToString());
    }
}
