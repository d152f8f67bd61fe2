using System.Diagnostics;
using SecureManifests.Tests.Infrastructure;

namespace SecureManifests.Cli.Tests.Infrastructure;

/// <summary>
/// Runs one of the Node.js referees of <c>tests/referees</c> on a text given on stdin, installing their packages with
/// <c>npm ci</c> the first time: the SARIF schema (<see cref="SarifReferee"/>) and the JUnit XSD (<see cref="JunitReferee"/>).
/// </summary>
public static class NodeReferee
{
    private static readonly Lazy<string> Folder = new(EnsureInstalled, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Runs <paramref name="script"/> with <c>-</c> and <paramref name="input"/> on stdin; the exit code (0 valid, 1 invalid) and output.</summary>
    /// <exception cref="InvalidOperationException">The referee could not judge (node or its packages missing).</exception>
    public static (int ExitCode, string Output) Validate(string script, string input)
    {
        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder.Value,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine(Folder.Value, script));
        startInfo.ArgumentList.Add("-");
        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"could not start node; {script} needs Node.js 20+ on PATH");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{script} did not finish within 2 minutes");
        }

        process.WaitForExit();
        if (process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"{script} could not judge (exit {process.ExitCode}): {output.Result}{error.Result}");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    private static string EnsureInstalled()
    {
        var folder = Path.Combine(TestPaths.RepositoryRoot, "tests", "referees");
        if (IsInstalled(folder))
        {
            return folder;
        }

        var install = SecureManifests.Tests.Referees.ProcessRunner.Run(
            "npm", ["ci", "--no-audit", "--no-fund"], folder, TimeSpan.FromMinutes(10),
            "Install Node.js 20+ with npm, then run `npm ci` in tests/referees.");
        if (!install.Succeeded || !IsInstalled(folder))
        {
            throw new InvalidOperationException("`npm ci` in tests/referees failed:\n" + install.Describe());
        }

        return folder;
    }

    private static bool IsInstalled(string folder) =>
        File.Exists(Path.Combine(folder, "node_modules", "@microsoft", "sarif-multitool-linux", "sarif-2.1.0.json")) &&
        File.Exists(Path.Combine(folder, "node_modules", "ajv", "dist", "2020.js")) &&
        File.Exists(Path.Combine(folder, "node_modules", "ajv-formats", "package.json")) &&
        File.Exists(Path.Combine(folder, "node_modules", "xmllint-wasm", "package.json"));
}
