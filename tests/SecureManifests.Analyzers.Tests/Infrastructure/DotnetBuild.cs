using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SecureManifests.Analyzers.Tests.Infrastructure;

/// <summary>
/// Builds one project of the repository with <c>dotnet build</c> in a child process, without its dependencies
/// (the test project's build has built them) and without incremental skipping (so the compiler, and with it
/// the analyzers, really runs), and parses the compiler diagnostics.
/// </summary>
internal static partial class DotnetBuild
{
    public static BuildResult Run(string projectPath, params string[] extraArguments)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        foreach (var argument in new[]
                 {
                     "build", projectPath, "-c", configuration, "--no-dependencies", "--no-incremental", "-nologo",
                     "-p:UseSharedCompilation=false",
                 }.Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet build {projectPath} took more than 5 minutes");
        }

        var text = stdout.Result + stderr.Result;
        var diagnostics = DiagnosticLine().Matches(text)
            .Select(m => new BuildDiagnostic(Path.GetFileName(m.Groups["file"].Value), int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["severity"].Value, m.Groups["id"].Value))
            .Distinct()
            .ToList();
        return new BuildResult(process.ExitCode, text, diagnostics);
    }

    [GeneratedRegex(@"^\s*(?<file>[^\s(][^(]*)\((?<line>\d+),\d+\): (?<severity>warning|error) (?<id>[A-Z]+\d+):", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}

internal sealed record BuildDiagnostic(string File, int Line, string Severity, string Id);

internal sealed record BuildResult(int ExitCode, string Output, IReadOnlyList<BuildDiagnostic> Diagnostics);
