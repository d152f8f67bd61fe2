using System.CommandLine;
using System.Reflection;
using SecureManifests.Cli.Lint;
using SecureManifests.Cli.Synth;
using SecureManifests.CommandLine;
using SecureManifests.Output;
using SecureManifests.Synthesis;

namespace SecureManifests.Cli.Commands;

/// <summary>
/// <c>secure-manifests synth --assembly App.dll</c>: loads a built app assembly in a collectible load context,
/// creates its app, checks it and writes its YAML (nothing is written when the checks fail).
/// </summary>
internal static class SynthCommand
{
    /// <summary>Printed under the help.</summary>
    public const string Notes = "exit codes: 0 written; 1 findings stopped the synth; 2 usage error, invalid app or unwritable output";

    public static Command Create(CliConsole console)
    {
        var assembly = TextOption.Create(
            "--assembly", "DLL", "the built assembly that defines the app (an App subclass with a public parameterless constructor, or the SDK's generated app catalog)", aliases: "-a");
        var app = TextOption.Create("--app", "NAME", "which app, when the assembly defines several (type name, full type name or app name)");
        var output = SharedSettings.Output(SettingDialect.CommandLine, "DIR", "where the YAML is written (default: ./manifests)");
        var layout = SharedSettings.Layout.Create();
        var profile = SharedSettings.Profile.Create();
        var pssVersion = SharedSettings.PssVersion.Create();
        var failOn = SharedSettings.FailOn.Create(purpose: "findings this severe stop the synth");
        var command = new Command("synth", "write the YAML of an app from its built assembly (nothing is written when the checks fail)")
        {
            assembly, app, output, layout, profile, pssVersion, failOn,
        };
        command.SetAction(result =>
        {
            var options = new SynthOptions();
            result.IfGiven(layout, value => options.Layout = value);
            result.IfGiven(profile, value => options.Profile = value);
            result.IfGiven(pssVersion, value => options.PssVersion = value);
            result.IfGiven(failOn, value => options.FailOn = value);
            return RunInProcess(result.GetValue(assembly), result.GetValue(app), result.GetValue(output) ?? "manifests", options, console);
        });
        return command;
    }

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = Synth.InProcessSynth.Reason)]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = Synth.InProcessSynth.Reason)]
    private static int RunInProcess(string? assemblyPath, string? appName, string output, SynthOptions options, CliConsole console) =>
        Run(assemblyPath, appName, output, options, console);

    [System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode(Synth.InProcessSynth.Reason)]
    [System.Diagnostics.CodeAnalysis.RequiresDynamicCode(Synth.InProcessSynth.Reason)]
    private static int Run(string? assemblyPath, string? appName, string output, SynthOptions options, CliConsole console)
    {
        if (assemblyPath is null)
        {
            throw new UsageException("synth needs --assembly PATH/TO/App.dll (the built app)");
        }

        var fullAssemblyPath = Path.GetFullPath(assemblyPath, console.WorkingDirectory);
        if (!File.Exists(fullAssemblyPath))
        {
            throw new UsageException($"{assemblyPath}: no such file; build the app first");
        }

        var outputDirectory = Path.GetFullPath(output, console.WorkingDirectory);
        var context = new AppLoadContext(fullAssemblyPath);
        try
        {
            var app = CreateApp(context, fullAssemblyPath, assemblyPath, appName);
            var result = Synthesizer.Write(app, outputDirectory, options);
            foreach (var finding in result.Findings)
            {
                console.Error.Line(FindingText.Format(finding));
            }

            console.Output.Line($"wrote {result.Files.Count} files for app '{app.Name}' to {InputCollector.DisplayName(outputDirectory, console.WorkingDirectory)}");
            return ExitCodes.Success;
        }
        catch (ManifestDefinitionException e)
        {
            console.Error.Line($"error: {e.Message}");
            return ExitCodes.UsageOrInputError;
        }
        catch (SynthesisFailedException e)
        {
            console.Error.Line($"error: {e.Message}");
            return ExitCodes.Findings;
        }
        catch (Exception e) when (e is ManifestOutputException or IOException or UnauthorizedAccessException)
        {
            console.Error.Line($"error: cannot write '{output}': {e.Message}");
            return ExitCodes.UsageOrInputError;
        }
        finally
        {
            context.Unload();
        }
    }

    [System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode(Synth.InProcessSynth.Reason)]
    [System.Diagnostics.CodeAnalysis.RequiresDynamicCode(Synth.InProcessSynth.Reason)]
    private static App CreateApp(AppLoadContext context, string fullPath, string shownPath, string? appName)
    {
        Assembly assembly;
        try
        {
            assembly = context.LoadFromAssemblyPath(fullPath);
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException)
        {
            throw new UsageException($"{shownPath}: not a .NET assembly that can be loaded: {e.Message}");
        }

        RequireCompatibleSdk(assembly, shownPath);
        var apps = AppDiscovery.Find(assembly);
        if (apps.Count == 0)
        {
            throw new UsageException($"{shownPath} defines no app: derive a public class from SecureManifests.App with a public parameterless constructor");
        }

        DiscoveredApp chosen;
        if (appName is null)
        {
            chosen = apps.Count == 1
                ? apps[0]
                : throw new UsageException($"{shownPath} defines {apps.Count} apps ({string.Join(", ", apps.Select(a => a.TypeName))}); choose one with --app");
        }
        else
        {
            chosen = apps.FirstOrDefault(a => Matches(a, appName))
                ?? FindByAppName(apps, appName, shownPath);
        }

        return Instantiate(chosen);
    }

    // The SDK is shared with the tool (so the app's App is the tool's App): an app built against a newer SDK could
    // call what this tool's SDK lacks, so it is refused with the fix rather than failing halfway.
    [System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode(Synth.InProcessSynth.Reason)]
    private static void RequireCompatibleSdk(Assembly assembly, string shownPath)
    {
        var sdk = typeof(App).Assembly.GetName();
        var reference = assembly.GetReferencedAssemblies().FirstOrDefault(n => string.Equals(n.Name, sdk.Name, StringComparison.OrdinalIgnoreCase));
        if (reference?.Version is { } wanted && sdk.Version is { } have && wanted > have)
        {
            throw new UsageException(
                $"{shownPath} was built against SecureManifests {wanted}, newer than this tool's {have}; update the tool (dotnet tool update -g SecureManifests.Cli)");
        }
    }

    private static App Instantiate(DiscoveredApp app)
    {
        var chosen = app;
        try
        {
            return chosen.Create();
        }
        catch (TargetInvocationException e) when (e.InnerException is ManifestDefinitionException definition)
        {
            throw definition;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new UsageException($"creating app {chosen.TypeName} failed: {e.InnerException.GetType().Name}: {e.InnerException.Message}");
        }
    }

    private static bool Matches(DiscoveredApp app, string name) =>
        string.Equals(app.TypeName, name, StringComparison.Ordinal) ||
        app.TypeName.EndsWith("." + name, StringComparison.Ordinal);

    // No type name matched: the name may be the app's own Name, known only once it is created.
    private static DiscoveredApp FindByAppName(IReadOnlyList<DiscoveredApp> apps, string appName, string shownPath)
    {
        foreach (var app in apps)
        {
            var created = Instantiate(app);
            if (string.Equals(created.Name, appName, StringComparison.Ordinal))
            {
                return new DiscoveredApp(app.TypeName, () => created);
            }
        }

        throw new UsageException($"{shownPath} has no app '{appName}'; it defines {string.Join(", ", apps.Select(a => a.TypeName))}");
    }
}
