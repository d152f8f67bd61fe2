using SecureManifests.Cli.Tests.Infrastructure;
using SecureManifests.Tests.Infrastructure;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests;

/// <summary>
/// The native (AOT-compiled) tool, installed from its packages with <c>dotnet tool install</c>, against the
/// framework-dependent build: every command must give the same bytes and exit code. Trimming and AOT warnings of
/// KubernetesClient and YamlDotNet are not errors in the native build (see the CLI's project file), so this
/// comparison over every rule fixture, the Pod Security fixtures, every output format and bad input is what says the
/// native tool is right.
/// </summary>
public sealed class NativeToolTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [NativeToolFact]
    public void The_installed_tool_is_native_and_reports_the_same_version()
    {
        var header = new byte[4];
        using (var file = File.OpenRead(InstalledNativeTool.Path))
        {
            file.ReadExactly(header);
        }

        // An apphost shim would be native too; the AOT tool has no managed entry assembly beside it.
        Assert.Equal("\u007fELF"u8.ToArray(), header);
        Assert.False(File.Exists(Path.Combine(InstalledNativeTool.Folder, "secure-manifests.dll")), "a managed secure-manifests.dll was installed beside the native tool");
        AssertSame(_folder.FullPath, ["--version"]);
    }

    [NativeToolFact]
    public void Every_rule_fixture_lints_to_the_same_report_in_every_format()
    {
        foreach (var format in new[] { "text", "json", "sarif", "junit", "github" })
        {
            AssertSame(RuleFixtures.Root, ["lint", ".", "--profile", "all", "--format", format]);
        }
    }

    [NativeToolFact]
    public void The_pod_security_fixtures_lint_to_the_same_report()
    {
        Assert.True(TestPaths.PodSecurityFixturesPresent, $"{TestPaths.PodSecurityFixtures} is missing");
        foreach (var profile in new[] { "baseline", "restricted" })
        {
            AssertSame(TestPaths.PodSecurityFixtures, ["lint", ".", "--profile", profile, "--format", "json"]);
        }
    }

    [NativeToolFact]
    public void Bad_input_gives_the_same_one_line_errors_and_exit_codes()
    {
        File.WriteAllText(Path.Combine(_folder.FullPath, "broken.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n");
        File.WriteAllText(Path.Combine(_folder.FullPath, "typed.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: 5\n");
        File.WriteAllText(Path.Combine(_folder.FullPath, "custom.yaml"), "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  labels: 3\n");
        foreach (var file in new[] { "broken.yaml", "typed.yaml", "custom.yaml", "missing.yaml" })
        {
            AssertSame(_folder.FullPath, ["lint", file, "--strict"]);
        }

        AssertSame(_folder.FullPath, ["lint", "--no-such-option"]);
    }

    [NativeToolFact]
    public void Rules_explain_policy_and_config_give_the_same_output()
    {
        AssertSame(_folder.FullPath, ["rules"]);
        AssertSame(_folder.FullPath, ["explain", "SM1001"]);
        AssertSame(_folder.FullPath, ["explain", "SM1001", "--markdown"]);
        AssertSame(_folder.FullPath, ["policy", "--profile", "all"]);
        AssertSame(_folder.FullPath, ["config", "init", "--help"]);
    }

    [NativeToolFact]
    public void Synth_runs_in_the_managed_copy_and_writes_the_same_files()
    {
        var native = CliProcess.Run([InstalledNativeTool.Path], _folder.FullPath, ["synth", "--assembly", BuiltFiles.ShopDll, "--output", "native"]).Result;
        var managed = CliProcess.Run(_folder.FullPath, ["synth", "--assembly", BuiltFiles.ShopDll, "--output", "managed"]).Result;

        Assert.True(native.ExitCode == ExitCodes.Success, native.Describe());
        Assert.Equal(managed.ExitCode, native.ExitCode);
        var nativeFiles = Files(Path.Combine(_folder.FullPath, "native"));
        Assert.NotEmpty(nativeFiles);
        Assert.Equal(Files(Path.Combine(_folder.FullPath, "managed")), nativeFiles);
    }

    [NativeToolFact]
    public void Import_crd_writes_the_same_files_for_every_shared_CRD()
    {
        Assert.True(TestPaths.SharedCrdsPresent, $"CRDs not found at {TestPaths.SharedCrds}");
        var native = CliProcess.Run([InstalledNativeTool.Path], _folder.FullPath, ["import-crd", TestPaths.SharedCrds, "--output", "native"]).Result;
        var managed = CliProcess.Run(_folder.FullPath, ["import-crd", TestPaths.SharedCrds, "--output", "managed"]).Result;

        Assert.True(native.ExitCode == ExitCodes.Success, native.Describe());
        Assert.Equal(managed.ExitCode, native.ExitCode);
        var nativeFiles = Files(Path.Combine(_folder.FullPath, "native"));
        Assert.NotEmpty(nativeFiles);
        Assert.Equal(Files(Path.Combine(_folder.FullPath, "managed")), nativeFiles);
        AssertSame(_folder.FullPath, ["import-crd", "missing.yaml", "--output", "out"]);
    }

    private static void AssertSame(string workingDirectory, IReadOnlyList<string> args)
    {
        var native = CliProcess.Run([InstalledNativeTool.Path], workingDirectory, args).Result;
        var managed = CliProcess.Run(workingDirectory, args).Result;
        var what = "secure-manifests " + string.Join(' ', args);
        Assert.True(managed.ExitCode == native.ExitCode, $"{what}: exit code {native.ExitCode} native, {managed.ExitCode} managed\n{native.Describe()}");
        Assert.True(managed.StandardError == native.StandardError, $"{what}: stderr differs\nnative:\n{native.StandardError}\nmanaged:\n{managed.StandardError}");
        Assert.True(managed.StandardOutput == native.StandardOutput, $"{what}: stdout differs\nnative:\n{Head(native.StandardOutput)}\nmanaged:\n{Head(managed.StandardOutput)}");
    }

    private static string Head(string text) => text.Length <= 4000 ? text : text[..4000] + "...";

    private static SortedDictionary<string, string> Files(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllText), StringComparer.Ordinal);
}
