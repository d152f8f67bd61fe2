namespace SecureManifests.Cli.Lint;

/// <summary>The output format of <c>lint</c>.</summary>
internal enum ReportFormat
{
    /// <summary><c>file:line:col: severity ID: message [kind/ns/name]</c>, one line per finding.</summary>
    Text,

    /// <summary><c>{"findings":[...],"summary":{...}}</c>.</summary>
    Json,

    /// <summary>SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.</summary>
    Sarif,

    /// <summary>JUnit XML, for GitLab and Jenkins test reports: a test case per object and rule checked on it.</summary>
    Junit,

    /// <summary>GitHub Actions workflow commands (<c>::error file=...::message</c>), which annotate the pull request.</summary>
    Github,
}

/// <summary>The words of <see cref="ReportFormat"/> on the command line.</summary>
internal static class ReportFormats
{
    private static readonly SecureManifests.CommandLine.WordTable<ReportFormat> Table =
        new(("text", ReportFormat.Text), ("json", ReportFormat.Json), ("sarif", ReportFormat.Sarif), ("junit", ReportFormat.Junit), ("github", ReportFormat.Github));

    public static IEnumerable<string> Names => Table.Names;

    public static bool TryParse(string text, out ReportFormat format) => Table.TryParse(text, out format);

    /// <summary>The one-line problem with a word that is no format.</summary>
    public static string Unknown(string text) => $"unknown format '{text}'; use text, json, sarif, junit or github";

    /// <summary>
    /// Whether people read the format in a log (text, github), so the run's account goes with it on stderr: the summary
    /// line, the skipped files, the baseline entries that are fixed. Program formats carry those in the document.
    /// </summary>
    public static bool IsForPeople(ReportFormat format) => format is ReportFormat.Text or ReportFormat.Github;
}

/// <summary>One report of a run: a format, and the file it goes to, or null for stdout.</summary>
internal sealed record ReportTarget(ReportFormat Format, string? File);
