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
}

/// <summary>The words of <see cref="ReportFormat"/> on the command line.</summary>
internal static class ReportFormats
{
    private static readonly SecureManifests.CommandLine.WordTable<ReportFormat> Table =
        new(("text", ReportFormat.Text), ("json", ReportFormat.Json), ("sarif", ReportFormat.Sarif));

    public static IEnumerable<string> Names => Table.Names;

    public static bool TryParse(string text, out ReportFormat format) => Table.TryParse(text, out format);
}
