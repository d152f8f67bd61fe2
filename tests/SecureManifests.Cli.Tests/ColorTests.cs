using SecureManifests.Cli.Tests.Infrastructure;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests;

/// <summary>Severities in colour on a terminal; never when redirected, under NO_COLOR, or in formats for programs.</summary>
public sealed class ColorTests : IDisposable
{
    private const string Red = "\u001b[31m";
    private const string Reset = "\u001b[0m";

    private static readonly Dictionary<string, string> NoVariables = [];

    private readonly TemporaryFolder _folder = new();

    public ColorTests()
    {
        _folder.Write("pod.yaml", Manifests.PrivilegedPod);
        _folder.Write("broken.yaml", "a: [");
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void On_a_terminal_severities_and_read_errors_are_coloured()
    {
        var result = Lint(terminal: true, NoVariables);

        Assert.StartsWith($"pod.yaml:14:7: {Red}error SM1001{Reset}: ", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"broken.yaml:2:1: {Red}error{Reset}: ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_warning_is_yellow_and_info_cyan()
    {
        _folder.Write("deploy.yaml", Manifests.RestrictedDeployment.Replace("1.2.3", "latest", StringComparison.Ordinal));

        var result = Tool.Run(_folder.FullPath, ["lint", "deploy.yaml", "--profile", "all", "-n", "shop"], terminal: true, NoVariables);

        Assert.Contains("\u001b[33mwarning SM2001" + Reset, result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\u001b[36minfo SM2002" + Reset, result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "", "")]
    [InlineData(true, "1", "")]
    [InlineData(true, "anything", "")]
    [InlineData(true, "", "never")]
    public void Redirected_under_NO_COLOR_or_with_color_never_nothing_is_coloured(bool terminal, string noColor, string color)
    {
        var environment = noColor.Length == 0 ? NoVariables : new Dictionary<string, string> { ["NO_COLOR"] = noColor };

        var result = Lint(terminal, environment, color.Length == 0 ? [] : ["--color", color]);

        Assert.DoesNotContain('\u001b', result.StandardOutput + result.StandardError);
        Assert.StartsWith("pod.yaml:14:7: error SM1001: ", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_NO_COLOR_leaves_colour_on_and_color_always_wins_over_a_pipe_and_NO_COLOR()
    {
        Assert.Contains(Red, Lint(terminal: true, new Dictionary<string, string> { ["NO_COLOR"] = string.Empty }).StandardOutput, StringComparison.Ordinal);
        Assert.Contains(Red, Lint(terminal: false, new Dictionary<string, string> { ["NO_COLOR"] = "1" }, ["--color=always"]).StandardOutput, StringComparison.Ordinal);
        // Accepted before the command too: it is an option of every command.
        var before = Tool.Run(_folder.FullPath, ["--color", "always", "lint", "pod.yaml", "--profile", "baseline"], terminal: false, NoVariables);
        Assert.Contains(Red, before.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("junit")]
    [InlineData("github")]
    public void Formats_for_programs_are_never_coloured(string format)
    {
        var result = Lint(terminal: true, NoVariables, ["--format", format]);

        Assert.DoesNotContain('\u001b', result.StandardOutput);
    }

    [Fact]
    public void A_bad_colour_mode_is_a_usage_error()
    {
        var result = Lint(terminal: true, NoVariables, ["--color", "sometimes"]);

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Equal("error: unknown colour mode 'sometimes'; use auto, always or never", result.ErrorLines[0]);
    }

    private CliResult Lint(bool terminal, IReadOnlyDictionary<string, string> environment, string[]? extra = null) =>
        Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "broken.yaml", "--profile", "baseline", .. extra ?? []], terminal, environment);
}
