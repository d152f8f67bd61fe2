using SecureManifests.Cli.Tests.Infrastructure;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests;

/// <summary><c>synth --assembly</c> on the built Shop sample: the same files as the app's own runner writes.</summary>
public sealed class SynthCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string ShopDll => BuiltFiles.ShopDll;

    [Fact]
    public void Synth_writes_the_app_of_a_built_assembly_and_the_result_lints_clean()
    {
        var result = Tool.Run(_folder.FullPath, ["synth", "--assembly", ShopDll, "--output", "out"]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.Describe());
        Assert.Matches(@"^wrote \d+ files for app 'shop' to out\n$", result.StandardOutput);
        var files = Directory.GetFiles(Path.Combine(_folder.FullPath, "out"), "*.yaml", SearchOption.AllDirectories);
        Assert.NotEmpty(files);

        // The same files the app's own executable writes.
        var own = ProcessRunner.Run("dotnet", [ShopDll, "--output", Path.Combine(_folder.FullPath, "own")], _folder.FullPath,
            TimeSpan.FromMinutes(2), "dotnet is on PATH");
        own.AssertSucceeded();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(Path.Combine(_folder.FullPath, "out"), file);
            Assert.Equal(File.ReadAllText(Path.Combine(_folder.FullPath, "own", relative)), File.ReadAllText(file));
        }

        // What synth wrote passes lint under the default profile: the SDK defaults and the rules agree.
        var lint = Tool.Run(_folder.FullPath, ["lint", "out"]);
        Assert.True(lint.ExitCode == ExitCodes.Success, lint.Describe());
    }

    [Fact]
    public void Synth_in_the_tool_process_writes_the_app()
    {
        var run = CliProcess.Run(_folder.FullPath, ["synth", "--assembly", ShopDll, "--output", "out", "--layout", "single-file"]);

        Assert.True(run.Result.ExitCode == ExitCodes.Success, run.Result.Describe());
        Assert.True(File.Exists(Path.Combine(_folder.FullPath, "out", "shop.yaml")));
    }

    [Fact]
    public void Synth_names_the_problem_with_the_assembly()
    {
        _folder.Write("not-an-assembly.dll", "text");
        var sdk = typeof(App).Assembly.Location;

        Assert.Equal("error: synth needs --assembly PATH/TO/App.dll (the built app)", Tool.Run(_folder.FullPath, ["synth"]).ErrorLines[0]);
        Assert.Equal("error: missing.dll: no such file; build the app first",
            Tool.Run(_folder.FullPath, ["synth", "--assembly", "missing.dll"]).ErrorLines[0]);
        var garbage = Tool.Run(_folder.FullPath, ["synth", "--assembly", "not-an-assembly.dll"]);
        Assert.Equal(ExitCodes.UsageOrInputError, garbage.ExitCode);
        Assert.StartsWith("error: not-an-assembly.dll: not a .NET assembly that can be loaded: ", garbage.ErrorLines[0], StringComparison.Ordinal);
        var noApp = Tool.Run(_folder.FullPath, ["synth", "--assembly", sdk]);
        Assert.Equal(ExitCodes.UsageOrInputError, noApp.ExitCode);
        Assert.Contains("defines no app", noApp.ErrorLines[0], StringComparison.Ordinal);
        var wrongName = Tool.Run(_folder.FullPath, ["synth", "--assembly", ShopDll, "--app", "nope"]);
        Assert.Equal($"error: {ShopDll} has no app 'nope'; it defines Shop.ShopApp", wrongName.ErrorLines[0]);
    }

    [Fact]
    public void Synth_stops_on_findings_at_the_fail_on_severity_and_writes_nothing()
    {
        var result = Tool.Run(_folder.FullPath, ["synth", "--assembly", ShopDll, "--app", "ShopApp", "--output", "out", "--profile", "all", "--fail-on", "info"]);

        // Shop pins its images by tag, not digest: SM2002 (opt-in, info) stops the synth at --fail-on info.
        Assert.True(result.ExitCode == ExitCodes.Findings, result.Describe());
        Assert.False(Directory.Exists(Path.Combine(_folder.FullPath, "out")));
        Assert.Equal("error: app 'shop' was not written: 4 finding(s) at or above the fail level", result.ErrorLines[0]);
        Assert.All(result.ErrorLines.Skip(1), line => Assert.StartsWith("  info SM2002: ", line, StringComparison.Ordinal));
    }
}
