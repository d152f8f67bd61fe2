using System.Diagnostics;

namespace SecureManifests.Cli.Lint;

/// <summary>
/// <c>--kustomize DIR</c>: renders the kustomization with <c>kubectl kustomize DIR</c> (the kustomize kubectl ships) into
/// a temporary file, which lint then reads as one more input, named <c>kustomize:DIR</c>: positions are those of the
/// rendered stream, since kustomize keeps no record of where each field came from. kubectl is looked up on the PATH
/// of the console's environment. A missing kubectl, or a kustomization that does not build, is an input problem
/// (exit 2) whose message is kustomize's first error line.
/// </summary>
internal static class KustomizeRenderer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>How reports name what <c>kubectl kustomize DIR</c> rendered.</summary>
    public static string DisplayName(string directory) => "kustomize:" + directory.Replace('\\', '/');

    /// <summary>The rendered file (delete it when done), or the problem.</summary>
    public static (string? File, InputProblem? Problem) Render(string directory, CliConsole console)
    {
        var name = DisplayName(directory);
        if (FindOnPath("kubectl", console.Environment("PATH")) is not { } kubectl)
        {
            return (null, new InputProblem(name, 1, 1, "--kustomize needs kubectl on PATH (it runs `kubectl kustomize DIR`); install kubectl, or pipe `kustomize build DIR | secure-manifests lint -`"));
        }

        var output = Path.Combine(Path.GetTempPath(), "secure-manifests-kustomize-" + Guid.NewGuid().ToString("N") + ".yaml");
        var startInfo = new ProcessStartInfo(kubectl)
        {
            WorkingDirectory = console.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("kustomize");
        startInfo.ArgumentList.Add(Path.GetFullPath(directory, console.WorkingDirectory));
        try
        {
            using var process = Process.Start(startInfo)!;
            var error = process.StandardError.ReadToEndAsync();
            using (var file = new FileStream(output, FileMode.CreateNew, FileAccess.Write))
            {
                process.StandardOutput.BaseStream.CopyTo(file);
            }

            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return Fail($"kubectl kustomize did not finish within {Timeout.TotalMinutes} minutes");
            }

            return process.ExitCode == 0
                ? (output, null)
                : Fail($"kubectl kustomize failed (exit {process.ExitCode}): {FirstLine(error.Result)}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            return Fail($"cannot run kubectl kustomize: {e.Message}");
        }

        (string?, InputProblem?) Fail(string message)
        {
            File.Delete(output);
            return (null, new InputProblem(name, 1, 1, message));
        }
    }

    private static string? FindOnPath(string program, string? path)
    {
        var names = OperatingSystem.IsWindows() ? new[] { program + ".exe", program } : [program];
        foreach (var folder in (path ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return line ?? "(no message)";
    }
}
