using SecureManifests.CommandLine;
using SecureManifests.Output;
using SecureManifests.Rules;

namespace SecureManifests.Synthesis;

/// <summary>
/// The command line of an app executable: <c>dotnet run -- --output DIR</c> checks the app and writes its YAML.
/// Every failure is one readable message and an exit code, never a stack trace.
/// </summary>
public static class AppRunner
{
    public const int Success = 0;
    public const int FindingsOrStale = 1;
    public const int UsageOrInputError = 2;

    /// <summary>Defines the app with <paramref name="define"/>, then synthesizes it as the arguments say.</summary>
    public static int Run(Func<App> define, string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        ArgumentNullException.ThrowIfNull(define);
        ArgumentNullException.ThrowIfNull(args);
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        if (!RunnerArguments.TryParse(args, out var arguments, out var problem))
        {
            stderr.WriteLine($"error: {problem}");
            stderr.WriteLine("run the app with --help for usage");
            return UsageOrInputError;
        }

        if (arguments.Help)
        {
            CommandLineParser.WriteHelp(arguments.Parsed, stdout);
            return Success;
        }

        try
        {
            var app = define();
            return arguments.Check ? Check(app, arguments, stdout, stderr) : Write(app, arguments, stdout, stderr);
        }
        catch (ManifestDefinitionException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return UsageOrInputError;
        }
        catch (SynthesisFailedException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return FindingsOrStale;
        }
        catch (Exception e) when (e is ManifestOutputException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot write '{arguments.Output}': {e.Message}");
            return UsageOrInputError;
        }
    }

    private static int Write(App app, RunnerArguments arguments, TextWriter stdout, TextWriter stderr)
    {
        var result = Synthesizer.Write(app, arguments.Output, arguments.Options);
        Report(result.Findings, stderr);
        stdout.WriteLine($"wrote {result.Files.Count} files for app '{app.Name}' to {Path.GetFullPath(arguments.Output)}");
        return Success;
    }

    private static int Check(App app, RunnerArguments arguments, TextWriter stdout, TextWriter stderr)
    {
        var stale = Synthesizer.FindStaleFiles(app, arguments.Output, arguments.Options);
        if (stale.Count == 0)
        {
            stdout.WriteLine($"{arguments.Output} is up to date");
            return Success;
        }

        foreach (var difference in stale)
        {
            stderr.WriteLine($"error: stale: {difference}");
        }

        return FindingsOrStale;
    }

    private static void Report(IReadOnlyList<Finding> findings, TextWriter stderr)
    {
        foreach (var finding in findings)
        {
            stderr.WriteLine(FindingText.Format(finding));
        }
    }
}
