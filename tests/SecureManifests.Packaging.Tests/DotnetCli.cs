using System.Diagnostics;
using System.Globalization;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Packaging.Tests;

/// <summary>
/// Runs the dotnet CLI as a user would, in a clean environment: the variables the test host inherits from its
/// own MSBuild run are removed, and no build server or node outlives the command (a lingering child would hold
/// the output pipes open and hang the test).
/// </summary>
internal static class DotnetCli
{
    private static readonly TimeSpan StreamDrainLimit = TimeSpan.FromSeconds(30);

    public static ProcessResult Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        UseCleanEnvironment(startInfo);

        var commandLine = "dotnet " + string.Join(' ', arguments);
        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"could not start `{commandLine}`");
        process.StandardInput.Close();
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"`{commandLine}` in {workingDirectory} did not finish within {timeout.TotalMinutes:0} min and was killed."));
        }

        Task.WaitAll([standardOutput, standardError], StreamDrainLimit);
        return new ProcessResult(commandLine, process.ExitCode,
            standardOutput.IsCompletedSuccessfully ? standardOutput.Result : string.Empty,
            standardError.IsCompletedSuccessfully ? standardError.Result : string.Empty);
    }

    /// <summary>
    /// Removes what the test host inherits from its own MSBuild run and keeps build servers and nodes from
    /// outliving the process; for any process that runs MSBuild (the CLI, a language server).
    /// </summary>
    public static void UseCleanEnvironment(ProcessStartInfo startInfo)
    {
        foreach (var name in startInfo.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) ||
                name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) ||
                name.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase) ||
                name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
            {
                startInfo.Environment.Remove(name);
            }
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["UseSharedCompilation"] = "false";
        // Machine-independent messages: the assertions read them.
        startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
    }
}
