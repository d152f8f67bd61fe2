using SecureManifests.Cli.Tests.Infrastructure;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests;

/// <summary>The built tool as its own process: stdin through a pipe, exit codes, no stack trace.</summary>
public sealed class ToolProcessTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Findings_on_piped_stdin_exit_1()
    {
        var run = CliProcess.Run(_folder.FullPath, ["lint", "-", "--profile", "baseline"], System.Text.Encoding.UTF8.GetBytes(Manifests.PrivilegedPod));

        Assert.True(run.Result.ExitCode == ExitCodes.Findings, run.Result.Describe());
        Assert.StartsWith("-:14:7: error SM1001: ", run.Result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("1 file, 1 object: 1 error, 0 warnings, 0 info\n", run.Result.StandardError);
    }

    [Fact]
    public void Clean_input_exits_0()
    {
        _folder.Write("deploy.yaml", Manifests.RestrictedDeployment);

        var run = CliProcess.Run(_folder.FullPath, ["lint", "deploy.yaml", "--profile", "restricted", "--format", "sarif"]);

        Assert.True(run.Result.ExitCode == ExitCodes.Success, run.Result.Describe());
        Assert.Contains("\"version\": \"2.1.0\"", run.Result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_usage_error_exits_2_with_one_line_and_a_hint()
    {
        var run = CliProcess.Run(_folder.FullPath, ["lint", "--format"]);

        Assert.Equal(ExitCodes.UsageOrInputError, run.Result.ExitCode);
        Assert.Equal("error: --format needs a value\nrun `secure-manifests lint --help` for usage\n", run.Result.StandardError);
    }

    [Fact]
    public void An_unreadable_input_beside_a_readable_one_exits_2_and_reports_both()
    {
        _folder.Write("pod.yaml", Manifests.PrivilegedPod);
        var locked = _folder.Write("locked/secret.yaml", Manifests.PrivilegedPod);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(locked, UnixFileMode.None);
        }

        // Root (and Windows) read the file anyway: then a missing file stands in for the unreadable one.
        var root = OperatingSystem.IsWindows() || Environment.UserName == "root";

        var run = CliProcess.Run(_folder.FullPath, ["lint", "pod.yaml", root ? "gone.yaml" : "locked/secret.yaml", "--profile", "baseline"]);

        Assert.Equal(ExitCodes.UsageOrInputError, run.Result.ExitCode);
        Assert.StartsWith("pod.yaml:14:7: error SM1001", run.Result.StandardOutput, StringComparison.Ordinal);
        Assert.Matches(@"^(gone|locked/secret)\.yaml:1:1: error: cannot read: ", run.Result.ErrorLines[0]);
        Assert.DoesNotContain("   at ", run.Result.StandardError, StringComparison.Ordinal);
    }
}
