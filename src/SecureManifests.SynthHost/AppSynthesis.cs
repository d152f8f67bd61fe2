using SecureManifests.Output;
using SecureManifests.Synthesis;

namespace SecureManifests.SynthHost;

/// <summary>Synthesizes (or verifies) every app of a catalog into the build's report.</summary>
internal sealed class AppSynthesis(HostArguments arguments, TextWriter stdout, BuildReport report)
{
    /// <summary>Runs every app; the exit code is the worst of them, as <see cref="AppRunner"/> defines codes.</summary>
    public int Run(IReadOnlyList<ManifestAppEntry> entries)
    {
        var outcome = AppRunner.Success;
        var created = new List<(ManifestAppEntry Entry, App App)>();
        foreach (var entry in entries)
        {
            // Names the app the build reports if this one never finishes (SecureManifestsSynthTimeout).
            arguments.Progress?.Invoke(entry.TypeName);
            if (Create(entry) is { } app)
            {
                created.Add((entry, app));
            }
            else
            {
                outcome = AppRunner.UsageOrInputError;
            }
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (entry, app) in created)
        {
            if (!names.Add(app.Name))
            {
                report.Add(MsBuildMessage.Error(entry, MsBuildMessage.DefinitionFailed,
                    $"app name '{app.Name}' is used by another [ManifestApp] class of this project; app names must be unique"));
                return AppRunner.UsageOrInputError;
            }
        }

        // Every app gets a folder named after it, even when it is the only one: adding a second app later must not
        // move the first app's files (and the atomic writer rightly refuses to replace a folder it did not write).
        foreach (var (entry, app) in created)
        {
            arguments.Progress?.Invoke(entry.TypeName);
            var folder = Path.Combine(arguments.Output, app.Name);
            outcome = Math.Max(outcome, arguments.Verify ? Verify(entry, app, folder) : Write(entry, app, folder));
        }

        // Only once every app was defined: a failing constructor must not make its old folder look abandoned.
        if (created.Count == entries.Count)
        {
            outcome = Math.Max(outcome, RemovedApps(names));
        }

        return outcome;
    }

    // Folders of apps the project no longer defines (removed or renamed): removed, or in verify mode reported.
    private int RemovedApps(IReadOnlySet<string> current)
    {
        var outcome = AppRunner.Success;
        foreach (var folder in Synthesizer.FindAppFoldersOtherThan(arguments.Output, current))
        {
            if (arguments.Verify)
            {
                report.Add(MsBuildMessage.StaleFile(folder,
                    $"{Path.GetFileName(folder)} is the output of an app this project no longer defines; rebuild without SecureManifestsVerify and commit the result"));
                outcome = AppRunner.FindingsOrStale;
                continue;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
                stdout.WriteLine($"SecureManifests: removed {folder}, the output of an app this project no longer defines");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                report.Add(MsBuildMessage.AtFile(folder, MsBuildMessage.DefinitionFailed,
                    $"cannot remove the output of an app this project no longer defines: {e.Message}"));
                outcome = AppRunner.UsageOrInputError;
            }
        }

        return outcome;
    }

    private App? Create(ManifestAppEntry entry)
    {
        try
        {
            return entry.Create();
        }
        catch (ManifestDefinitionException e)
        {
            report.Add(MsBuildMessage.DefinitionError(entry, e));
        }
#pragma warning disable CA1031 // User code may throw anything; the build gets one line naming the app, not a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var inner = e is System.Reflection.TargetInvocationException { InnerException: { } cause } ? cause : e;
            report.Add(MsBuildMessage.Error(entry, MsBuildMessage.DefinitionFailed,
                $"creating {entry.TypeName} threw {inner.GetType().Name}: {inner.Message}"));
        }

        return null;
    }

    private int Write(ManifestAppEntry entry, App app, string folder)
    {
        try
        {
            var result = Synthesizer.Write(app, folder, arguments.Options);
            foreach (var finding in result.Findings)
            {
                report.Add(MsBuildMessage.Finding(entry, finding, blocking: false, result.Sources.Of(finding)));
            }

            stdout.WriteLine($"SecureManifests: wrote {result.Files.Count} files for app '{app.Name}' to {Path.GetFullPath(folder)}");
            return AppRunner.Success;
        }
        catch (Exception e) when (e is not (SynthesisFailedException or OutOfMemoryException))
        {
            return Failed(entry, app, folder, e);
        }
        catch (SynthesisFailedException e)
        {
            return Blocked(entry, e);
        }
    }

    private int Verify(ManifestAppEntry entry, App app, string folder)
    {
        try
        {
            var stale = Synthesizer.FindStaleFiles(app, folder, arguments.Options);
            foreach (var difference in stale)
            {
                var relative = difference[(difference.IndexOf(": ", StringComparison.Ordinal) + 2)..];
                report.Add(MsBuildMessage.StaleFile(Path.GetFullPath(Path.Combine(folder, relative)),
                    $"{difference} differs from what app '{app.Name}' writes; rebuild without SecureManifestsVerify and commit the result"));
            }

            if (stale.Count == 0)
            {
                stdout.WriteLine($"SecureManifests: {Path.GetFullPath(folder)} is up to date for app '{app.Name}'");
            }

            return stale.Count == 0 ? AppRunner.Success : AppRunner.FindingsOrStale;
        }
        catch (Exception e) when (e is not (SynthesisFailedException or OutOfMemoryException))
        {
            return Failed(entry, app, folder, e);
        }
        catch (SynthesisFailedException e)
        {
            return Blocked(entry, e);
        }
    }

    private int Blocked(ManifestAppEntry entry, SynthesisFailedException e)
    {
        foreach (var finding in e.Blocking)
        {
            report.Add(MsBuildMessage.Finding(entry, finding, blocking: true, e.Sources.Of(finding)));
        }

        return AppRunner.FindingsOrStale;
    }

    private int Failed(ManifestAppEntry entry, App app, string folder, Exception e)
    {
        var text = e switch
        {
            ManifestDefinitionException => e.Message,
            ManifestOutputException or IOException or UnauthorizedAccessException =>
                $"cannot write app '{app.Name}' to '{Path.GetFullPath(folder)}': {e.Message}",
            _ => $"synthesizing app '{app.Name}' threw {e.GetType().Name}: {e.Message}",
        };
        report.Add(MsBuildMessage.Error(entry, MsBuildMessage.DefinitionFailed, text));
        return AppRunner.UsageOrInputError;
    }
}
