using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace SecureManifests.Tests.Referees;

/// <summary>
/// Runs an external command to completion with a time limit, capturing its output, so a
/// referee that hangs or is missing fails the test with a message instead of stalling the run.
/// </summary>
public static class ProcessRunner
{
    /// <summary>Runs <paramref name="program"/> (looked up on PATH) and waits for it.</summary>
    /// <param name="program">The executable, e.g. <c>node</c>.</param>
    /// <param name="arguments">Arguments, passed without shell interpretation.</param>
    /// <param name="workingDirectory">The directory the command runs in.</param>
    /// <param name="timeout">How long to wait before the process tree is killed.</param>
    /// <param name="missingHint">Told to the reader when the program cannot be started.</param>
    /// <param name="environment">Variables set (or overridden) for the child process.</param>
    /// <returns>The exit code and captured output.</returns>
    /// <exception cref="InvalidOperationException">The program could not be started.</exception>
    /// <exception cref="TimeoutException">The program ran longer than <paramref name="timeout"/>.</exception>
    public static ProcessResult Run(
        string program,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        string missingHint,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var commandLine = string.Join(' ', new[] { program }.Concat(arguments.Select(Quote)));
        var startInfo = new ProcessStartInfo(program)
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

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"Could not start `{commandLine}` in {workingDirectory}: {e.Message}. {missingHint}", e);
        }

        // Nothing is ever typed into a referee: a closed stdin makes a prompt fail at once.
        process.StandardInput.Close();
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException(string.Create(
                CultureInfo.InvariantCulture,
                $"`{commandLine}` did not finish within {timeout.TotalSeconds:0} s and was killed.\n" +
                $"stdout:\n{standardOutput.Result}\nstderr:\n{standardError.Result}"));
        }

        // The parameterless wait also drains the redirected streams.
        process.WaitForExit();
        return new ProcessResult(commandLine, process.ExitCode, standardOutput.Result, standardError.Result);
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'')
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
