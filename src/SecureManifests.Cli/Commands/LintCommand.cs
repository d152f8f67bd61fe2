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

        using var writer = LintReportWriter.For(options.Format, console.Output, console.Error);
        return LintRunner.Run(options, console, writer).ExitCode;
    }
}
