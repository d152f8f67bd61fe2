using System.Diagnostics;
using System.Globalization;

namespace SecureManifests.Cli.Tests.Infrastructure;

/// <summary>What a child-process run did, with its wall time and peak memory.</summary>
public sealed record CliProcessResult(CliResult Result, TimeSpan Elapsed, long? PeakResidentKilobytes);

/// <summary>
/// Runs the built <c>secure-manifests</c> dll as its own process, as an installed tool runs: real stdin pipe, exit code,
/// and peak memory. The GC heap is capped at 400 MB (<c>DOTNET_GCHeapHardLimit</c>), so a run that would need more fails
/// with an out-of-memory exit instead of passing; where <c>/usr/bin/time</c> exists the peak resident set is measured too.
/// </summary>
public static class CliProcess
{
    public const long MemoryLimitBytes = 400L * 1024 * 1024;

    private const string TimeProgram = "/usr/bin/time";
    private const string PeakMarker = "PEAK_RSS_KB=";

    /// <summary>The built tool.</summary>
    public static string ToolDll => BuiltFiles.ToolDll;

    public static CliProcessResult Run(string workingDirectory, IReadOnlyList<string> args, byte[]? stdin = null) =>
        Run(["dotnet", ToolDll], workingDirectory, args, stdin);

    /// <summary>Runs <paramref name="tool"/> (a program and its leading arguments) with <paramref name="args"/>.</summary>
    public static CliProcessResult Run(IReadOnlyList<string> tool, string workingDirectory, IReadOnlyList<string> args, byte[]? stdin = null)
    {
        var measure = File.Exists(TimeProgram);
        var startInfo = new ProcessStartInfo(measure ? TimeProgram : tool[0])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (measure)
        {
            startInfo.ArgumentList.Add("-q");
            startInfo.ArgumentList.Add("-f");
            startInfo.ArgumentList.Add(PeakMarker + "%M");
            startInfo.ArgumentList.Add(tool[0]);
        }

        foreach (var leading in tool.Skip(1))
        {
            startInfo.ArgumentList.Add(leading);
        }

        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        startInfo.Environment["DOTNET_GCHeapHardLimit"] = "0x" + MemoryLimitBytes.ToString("X", CultureInfo.InvariantCulture);
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.BaseStream.Write(stdin);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"secure-manifests {string.Join(' ', args)} did not finish within a minute");
        }

        process.WaitForExit();
        clock.Stop();
        var stderr = error.Result.ReplaceLineEndings("\n");
        long? peak = null;
        if (measure)
        {
            var marker = stderr.LastIndexOf(PeakMarker, StringComparison.Ordinal);
            Assert.True(marker >= 0, "no peak memory line from /usr/bin/time in:\n" + stderr);
            peak = long.Parse(stderr[(marker + PeakMarker.Length)..].Trim(), CultureInfo.InvariantCulture);
            stderr = stderr[..marker];
        }

        return new CliProcessResult(
            new CliResult(string.Join(' ', args), process.ExitCode, output.Result.ReplaceLineEndings("\n"), stderr),
            clock.Elapsed,
            peak);
    }
}
