using System.Globalization;
using SecureManifests.Rules;
using SecureManifests.Validation;

namespace SecureManifests.Cli.Lint;

/// <summary>
/// The run's account on stderr, once per run whatever the reports: unreadable input as <c>file:line:col: error: message</c>
/// and "nothing to lint" in every format; for people (text, github, or when every report goes to a file) also one
/// <c>skipped</c> line per skipped file, one line per fixed baseline entry and the summary line. Program formats
/// (json, sarif, junit) on stdout carry those in their document instead.
/// </summary>
internal static class StandardErrorReport
{
    public static void Write(LintSummary summary, TextWriter error, TextStyle style, bool forPeople, string? baselineFile)
    {
        foreach (var problem in summary.Problems)
        {
            error.Line(problem.Format(style));
        }

        if (summary.NothingToLint)
        {
            error.Line($"{style.Error("error")}: no Kubernetes object found in the input; give manifests, or --allow-empty when an empty input is fine");
        }

        if (!forPeople)
        {
            return;
        }

        foreach (var skipped in summary.Skipped)
        {
            error.Line($"{PrintableText.Escape(skipped.File)}: skipped: {skipped.Reason}");
        }

        foreach (var entry in summary.Fixed)
        {
            error.Line($"{PrintableText.Escape(baselineFile ?? string.Empty)}: fixed: {PrintableText.Escape(entry.Describe())} is no longer found; drop it from the baseline (--write-baseline rewrites it)");
        }

        error.Line(Summary(summary));
    }

    /// <summary><c>3 files, 5 objects: 1 error, 0 warnings, 0 info, 1 suppressed, 2 baselined; 1 file skipped; 1 input error</c>.</summary>
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

        if (report.Baselined > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", {report.Baselined} baselined");
        }

        if (report.Fixed.Count > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", {report.Fixed.Sum(e => e.Count)} fixed");
        }

        if (report.Skipped.Count > 0)
        {
            text += $"; {Plural(report.Skipped.Count, "file")} skipped";
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
