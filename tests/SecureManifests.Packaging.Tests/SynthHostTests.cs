using SecureManifests.Tests.Infrastructure;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Packaging.Tests;

/// <summary>
/// The synth host started exactly as the build targets start it, on the repository's Shop sample: its command
/// line, its exit codes and its canonical messages, without a consumer build.
/// </summary>
public sealed class SynthHostTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static string Bin(string project, string folder) =>
        Path.Combine(TestPaths.RepositoryRoot, folder, project, "bin", ConsumerWorkspace.Configuration, "net10.0");

    private static string ShopBin => Bin("Shop", "samples");

    private static ProcessResult Host(params string[] arguments)
    {
        var host = Path.Combine(Bin("SecureManifests.SynthHost", "src"), "SecureManifests.SynthHost.dll");
        Assert.True(File.Exists(host), $"{host} is missing: build the solution first.");
        // Like the build targets, run the host in the project directory: app source paths are relative to it.
        return DotnetCli.Run(Path.Combine(TestPaths.RepositoryRoot, "samples", "Shop"), Timeout,
        [
            "exec", "--depsfile", Path.Combine(ShopBin, "Shop.deps.json"), "--runtimeconfig", Path.Combine(ShopBin, "Shop.runtimeconfig.json"),
            host, .. arguments,
        ]);
    }

    [Fact]
    public void The_sample_is_synthesized_into_a_folder_named_after_its_app()
    {
        using var folder = new TemporaryFolder();

        var run = Host("--assembly", Path.Combine(ShopBin, "Shop.dll"), "--output", folder.FullPath, "--layout", "per-namespace");

        run.AssertSucceeded();
        Assert.True(File.Exists(Path.Combine(folder.FullPath, "shop", "shop.yaml")), run.Describe());
        Assert.True(File.Exists(Path.Combine(folder.FullPath, "shop", "kustomization.yaml")));
    }

    [Fact]
    public void Verify_reports_a_missing_tree_file_by_file_with_exit_code_1()
    {
        using var folder = new TemporaryFolder();

        var run = Host("--assembly", Path.Combine(ShopBin, "Shop.dll"), "--output", folder.FullPath, "--verify");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{Path.Combine(folder.FullPath, "shop", "kustomization.yaml")}: error SM0107: missing: kustomization.yaml", run.StandardError, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.FullPath));
    }

    [Fact]
    public void Profile_and_fail_level_reach_the_engine_so_opt_in_findings_block_the_sample_at_the_offending_call()
    {
        using var folder = new TemporaryFolder();
        var source = Path.Combine(TestPaths.RepositoryRoot, "samples", "Shop", "ShopApp.cs");

        var run = Host("--assembly", Path.Combine(ShopBin, "Shop.dll"), "--output", folder.FullPath, "--fail-on", "info", "--profile", "all");

        // SM2002 (images pinned by digest) is opt-in: only the `all` profile checks it, and the sample pins by tag.
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{source}(44,1): error SM2002: image 'ghcr.io/acme/shop-api:1.4.2' of container 'api' is not pinned by digest", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("[Deployment shop/api] at spec.template.spec.containers[0].image", run.StandardError, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.FullPath));
    }

    [Theory]
    [InlineData("--profile", "strict", "SecureManifestsProfile: unknown profile 'strict'; use baseline, restricted, secure or all")]
    [InlineData("--layout", "flat", "SecureManifestsLayout: unknown layout 'flat'")]
    [InlineData("--fail-on", "1", "SecureManifestsFailOn: unknown severity '1'")]
    [InlineData("--bogus", "x", "unknown option '--bogus'")]
    public void Bad_settings_are_one_canonical_error_and_exit_code_2(string option, string value, string message)
    {
        using var folder = new TemporaryFolder();

        var run = Host("--assembly", Path.Combine(ShopBin, "Shop.dll"), "--output", folder.FullPath, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error SM0106: {message}", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_assembly_is_named_without_a_stack_trace()
    {
        using var folder = new TemporaryFolder();
        var missing = Path.Combine(folder.FullPath, "Nope.dll");

        var run = Host("--assembly", missing, "--output", folder.FullPath);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{missing}: error SM0106: the project assembly does not exist", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_an_assembly_is_named_without_a_stack_trace()
    {
        using var folder = new TemporaryFolder();
        var bogus = folder.Write("Bogus.dll", "not a portable executable");

        var run = Host("--assembly", bogus, "--output", Path.Combine(folder.FullPath, "out"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{bogus}: error SM0106: cannot load the project assembly", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assembly_without_apps_is_not_an_error()
    {
        using var folder = new TemporaryFolder();
        var library = Path.Combine(Bin("SecureManifests.SynthHost", "src"), "SecureManifests.dll");

        var run = Host("--assembly", library, "--output", folder.FullPath);

        run.AssertSucceeded();
        Assert.Contains("defines no [ManifestApp] class", run.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.FullPath));
    }
}
