using SecureManifests.Cli.Tests.Infrastructure;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests;

/// <summary>The command-line model as a user meets it: help, typo suggestions, hints, completion, both spellings.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("lint", "--profile", "--pss-version", "--format", "--fail-on", "--include", "--exclude", "--namespace")]
    [InlineData("rules", "--format")]
    [InlineData("explain", "<ID>")]
    [InlineData("synth", "--assembly", "--app", "--output", "--layout", "--profile", "--pss-version", "--fail-on")]
    [InlineData("policy", "--profile", "--pss-version", "--action", "--output")]
    public void Each_command_has_help_listing_its_options(string command, params string[] expected)
    {
        var result = Tool.Run(_folder.FullPath, [command, "--help"]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.Describe());
        Assert.All(expected, option => Assert.Contains(option, result.StandardOutput, StringComparison.Ordinal));
        Assert.Empty(result.StandardError);
    }

    [Theory]
    [InlineData("lint pod.yaml --frmat json", "error: unknown option '--frmat' for lint (did you mean --format?)", "lint")]
    [InlineData("lint pod.yaml --profle=all", "error: unknown option '--profle' for lint (did you mean --profile?)", "lint")]
    [InlineData("policy --actoin deny", "error: unknown option '--actoin' for policy (did you mean --action?)", "policy")]
    [InlineData("lnt pod.yaml", "error: unknown command 'lnt' (did you mean lint?); use lint, rules, explain, synth, policy, config or import-crd", "")]
    [InlineData("rulez", "error: unknown command 'rulez' (did you mean rules?); use lint, rules, explain, synth, policy, config or import-crd", "")]
    public void A_misspelt_option_or_command_gets_a_suggestion_and_a_hint_at_the_help_it_belongs_to(string commandLine, string expected, string command)
    {
        _folder.Write("pod.yaml", Manifests.PrivilegedPod);

        var result = Tool.Run(_folder.FullPath, commandLine.Split(' '));

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        var help = command.Length == 0 ? "secure-manifests --help" : $"secure-manifests {command} --help";
        Assert.Equal([expected, $"run `{help}` for usage"], result.ErrorLines);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public void An_error_found_while_running_points_at_the_help_of_its_command()
    {
        var result = Tool.Run(_folder.FullPath, ["explain", "SM1100"]);

        Assert.Equal("run `secure-manifests explain --help` for usage", result.ErrorLines[^1]);
    }

    [Fact]
    public void Inline_and_separate_values_mean_the_same_and_the_last_of_a_repeated_option_wins()
    {
        _folder.Write("pod.yaml", Manifests.PrivilegedPod);

        var separate = Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--profile", "baseline", "--format", "json", "-n", "team-a"]);
        var inline = Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--profile=baseline", "--format=json", "-n=team-a"]);
        var repeated = Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--profile", "all", "--format", "text", "--profile=baseline", "-f", "json", "-n", "team-a"]);

        Assert.True(separate.ExitCode == ExitCodes.Findings, separate.Describe());
        Assert.Equal(separate, inline with { CommandLine = separate.CommandLine });
        Assert.Equal(separate, repeated with { CommandLine = separate.CommandLine });
    }

    [Fact]
    public void An_option_after_a_double_dash_is_a_path()
    {
        var result = Tool.Run(_folder.FullPath, ["lint", "--", "--profile"]);

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Equal("--profile:1:1: error: cannot read: no such file or folder", result.ErrorLines[0]);
    }

    [Theory]
    // The [suggest:N] directive is what dotnet-suggest calls: N is the cursor position in the quoted command line.
    [InlineData("lint --p", new[] { "--profile", "--pss-version" })]
    [InlineData("lint --profile ", new[] { "baseline", "restricted", "secure", "all" })]
    [InlineData("synth --layout p", new[] { "per-namespace", "per-object" })]
    [InlineData("lin", new[] { "lint" })]
    public void Completion_offers_the_commands_options_and_values(string typed, string[] expected)
    {
        var result = Tool.Run(_folder.FullPath, [$"[suggest:{typed.Length}]", typed]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.Describe());
        Assert.Equal(expected.Order(StringComparer.Ordinal), result.OutputLines.Order(StringComparer.Ordinal));
    }
}
