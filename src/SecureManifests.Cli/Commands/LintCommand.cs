using SecureManifests.Cli.Lint;

namespace SecureManifests.Cli.Commands;

/// <summary><c>secure-manifests lint PATH... | -</c>.</summary>
internal static class LintCommand
{
    public static int Run(IReadOnlyList<string> args, int start, CliConsole console)
    {
        var options = LintArguments.Parse(args, start);
        if (options is null)
        {
            console.Output.Line(LintArguments.Usage);
            return ExitCodes.Success;
        }

        var report = LintRunner.Run(options, console);
        switch (options.Format)
        {
            case ReportFormat.Json:
                JsonReportWriter.Write(report, console.Output, console.Error);
                break;
            case ReportFormat.Sarif:
                SarifReportWriter.Write(report, console.Output, console.Error);
                break;
            default:
                TextReportWriter.Write(report, console.Output, console.Error);
                break;
        }

        return report.ExitCode;
    }
}
