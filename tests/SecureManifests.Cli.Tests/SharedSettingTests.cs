using SecureManifests.Cli.Tests.Infrastructure;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests;

/// <summary>
/// Each setting shared by the app runner, the build step's host and the CLI means the same on all three, in both
/// spellings (<c>--x=y</c> and <c>--x y</c>), and a bad value gets the same message: the Shop sample synthesized by
/// its own executable, by the host as the build starts it, and by <c>secure-manifests synth</c>.
/// </summary>
public sealed class SharedSettingTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private enum Surface
    {
        Runner,
        Host,
        Cli,
    }

    /// <summary>What one synth did: its exit code, the files it wrote (relative, sorted) and the rule IDs it reported.</summary>
    private sealed record Outcome(int ExitCode, string Files, string Rules, string Errors);

    private static string ShopDll => BuiltFiles.ShopDll;

    private static string ShopFile(string file) => BuiltFiles.Require("samples", "Shop", file);

    [Theory]
    // option, value, the other arguments, what the value must change: a file of the layout, a rule of the profile...
    [InlineData("--layout", "per-namespace", "", "shop.yaml")]
    [InlineData("--profile", "all", "", "SM2002")]
    [InlineData("--fail-on", "info", "--profile all", "exit 1")]
    [InlineData("--pss-version", "v1.25", "", "")]
    [InlineData("--output", "elsewhere", "", "")]
    public void A_shared_setting_means_the_same_on_every_surface_in_both_spellings(string option, string value, string others, string effect)
    {
        var outcomes = new List<(string How, Outcome Outcome)>();
        foreach (var surface in Enum.GetValues<Surface>())
        {
            foreach (var inline in new[] { false, true })
            {
                string[] given = inline ? [$"{option}={value}"] : [option, value];
                outcomes.Add(($"{surface} {string.Join(' ', given)}", Synth(surface, [.. Split(others), .. given], option == "--output" ? value : null)));
            }
        }

        // The messages differ in form (the host's are MSBuild's canonical lines); what they report must not.
        var first = outcomes[0].Outcome with { Errors = string.Empty };
        Assert.All(outcomes, o => Assert.True(o.Outcome with { Errors = string.Empty } == first, $"{o.How} gave {o.Outcome}, {outcomes[0].How} gave {outcomes[0].Outcome}"));
        if (effect == "exit 1")
        {
            Assert.Equal(1, first.ExitCode);
        }
        else
        {
            Assert.True(first.ExitCode == 0, first.ToString());
            Assert.Contains(effect, first.Files + " " + first.Rules, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--layout", "flat", "SecureManifestsLayout", "unknown layout 'flat'; use per-object, per-namespace or single-file")]
    [InlineData("--profile", "strict", "SecureManifestsProfile", "unknown profile 'strict'; use baseline, restricted, secure or all")]
    [InlineData("--fail-on", "never", "SecureManifestsFailOn", "unknown severity 'never'; use error, warning or info")]
    [InlineData("--pss-version", "2.0", "SecureManifestsPssVersion", "unknown Pod Security Standards version '2.0'; use v1.0 to v1.37 or latest")]
    public void A_bad_value_gets_the_same_message_on_every_surface_in_both_spellings(string option, string value, string property, string message)
    {
        foreach (var surface in Enum.GetValues<Surface>())
        {
            foreach (string[] given in new[] { new[] { $"{option}={value}" }, [option, value] })
            {
                var outcome = Synth(surface, given, null);

                Assert.True(outcome.ExitCode == 2, $"{surface} {string.Join(' ', given)}: {outcome}");
                // The host names the MSBuild property the user set, in MSBuild's canonical error format.
                var expected = surface == Surface.Host ? $"error SM0106: {property}: {message}" : $"error: {message}";
                Assert.True(outcome.Errors.StartsWith(expected + "\n", StringComparison.Ordinal), $"{surface} {string.Join(' ', given)}: {outcome}");
            }
        }
    }

    [Theory]
    [InlineData("--layout")]
    [InlineData("--profile")]
    [InlineData("--fail-on")]
    [InlineData("--pss-version")]
    public void An_empty_value_is_the_default_for_the_host_and_an_error_on_a_command_line(string option)
    {
        var byDefault = Synth(Surface.Host, [], null);

        Assert.Equal(byDefault with { Errors = string.Empty }, Synth(Surface.Host, [option, string.Empty], null) with { Errors = string.Empty });
        Assert.Equal(2, Synth(Surface.Runner, [option, string.Empty], null).ExitCode);
        Assert.Equal(2, Synth(Surface.Cli, [option, string.Empty], null).ExitCode);
    }

    private static string[] Split(string arguments) => arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    // Writes into a fresh folder (named by --output when the test gives one), then reads what was written there.
    private Outcome Synth(Surface surface, string[] arguments, string? outputGiven)
    {
        var run = Path.Combine(_folder.FullPath, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(run);
        var output = Path.Combine(run, outputGiven ?? "out");
        string[] withOutput = outputGiven is null ? [.. arguments, "--output", output] : arguments;
        var (code, stderr) = surface switch
        {
            Surface.Runner => Process(run, "dotnet", [ShopDll, .. withOutput]),
            Surface.Host => Process(run, "dotnet",
            [
                "exec", "--depsfile", ShopFile("Shop.deps.json"), "--runtimeconfig", ShopFile("Shop.runtimeconfig.json"),
                BuiltFiles.SynthHostDll,
                "--assembly", ShopDll, .. withOutput,
            ]),
            _ => InProcess(run, ["synth", "--assembly", ShopDll, .. withOutput]),
        };

        // The host writes each app into a folder named after it; the runner and `synth` write the one app directly.
        var tree = surface == Surface.Host ? Path.Combine(output, "shop") : output;
        var files = Directory.Exists(tree)
            ? string.Join(' ', Directory.EnumerateFiles(tree, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(tree, f).Replace('\\', '/')).Order(StringComparer.Ordinal))
            : string.Empty;
        var rules = string.Join(' ', System.Text.RegularExpressions.Regex.Matches(stderr, @"\bSM\d{4}\b").Select(m => m.Value).Where(id => id != "SM0106").Distinct().Order(StringComparer.Ordinal));
        return new Outcome(code, files, rules, stderr);
    }

    private static (int Code, string StandardError) Process(string workingDirectory, string program, string[] arguments)
    {
        var result = ProcessRunner.Run(program, arguments, workingDirectory, TimeSpan.FromMinutes(2), "dotnet is on PATH");
        return (result.ExitCode, result.StandardError.ReplaceLineEndings("\n"));
    }

    private static (int Code, string StandardError) InProcess(string workingDirectory, string[] arguments)
    {
        var result = Tool.Run(workingDirectory, arguments);
        return (result.ExitCode, result.StandardError);
    }
}
