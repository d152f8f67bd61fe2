using SecureManifests.Cli.Tests.Infrastructure;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests;

/// <summary>The text format: the compiler form, positions of the offending field, the summary on stderr.</summary>
public sealed class LintTextOutputTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_finding_is_one_compiler_line_pointing_at_the_offending_field()
    {
        _folder.Write("pod.yaml", Manifests.PrivilegedPod);

        var result = Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--profile", "baseline"]);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        var line = Assert.Single(result.OutputLines);
        Assert.Equal("pod.yaml:14:7: error SM1001: securityContext.privileged is true in container 'bad': set it to false [Pod/shop/web]", line);
    }

    [Fact]
    public void An_absent_field_is_reported_at_its_nearest_written_ancestor()
    {
        // runAsNonRoot is missing everywhere: SM1008 points at the pod spec (line 6, `spec:`), not at the document start.
        _folder.Write("pod.yaml", Manifests.PrivilegedPod);

        var result = Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--profile", "restricted", "--include", "SM1008", "--exclude", "SM1001,SM1006,SM1007,SM1011"]);

        var line = Assert.Single(result.OutputLines, l => l.Contains("SM1008", StringComparison.Ordinal));
        Assert.StartsWith("pod.yaml:6:1: error SM1008: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_goes_to_stderr_and_counts_files_objects_and_severities()
    {
        _folder.Write("pod.yaml", Manifests.PrivilegedPod);
        _folder.Write("deploy.yaml", Manifests.RestrictedDeployment);

        var result = Tool.Run(_folder.FullPath, ["lint", ".", "--profile", "baseline"]);

        Assert.Equal("2 files, 2 objects: 1 error, 0 warnings, 0 info", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void Clean_input_prints_no_finding_and_exits_0()
    {
        _folder.Write("deploy.yaml", Manifests.RestrictedDeployment);

        var result = Tool.Run(_folder.FullPath, ["lint", "deploy.yaml", "--profile", "restricted"]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.Describe());
        Assert.Empty(result.StandardOutput);
        Assert.Equal("1 file, 1 object: 0 errors, 0 warnings, 0 info", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void Findings_of_a_multi_document_file_point_into_their_own_document()
    {
        _folder.Write("all.yaml", Manifests.RestrictedDeployment + "\n---\n" + Manifests.PrivilegedPod);

        var result = Tool.Run(_folder.FullPath, ["lint", "all.yaml", "--profile", "baseline"]);

        // The pod starts after the Deployment's lines and the `---` line: privileged is the pod's line 14.
        var podStart = Manifests.RestrictedDeployment.Split('\n').Length + 2;
        Assert.Equal($"all.yaml:{podStart + 13}:7: error SM1001: securityContext.privileged is true in container 'bad': set it to false [Pod/shop/web]",
            Assert.Single(result.OutputLines));
    }

    [Fact]
    public void Output_is_identical_across_runs_and_cultures()
    {
        _folder.Write("a/pod.yaml", Manifests.PrivilegedPod);
        _folder.Write("b/deploy.yaml", Manifests.RestrictedDeployment.Replace("1.2.3", "latest", StringComparison.Ordinal));
        string[] args = ["lint", ".", "--profile", "all"];

        var first = Tool.Run(_folder.FullPath, args);
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("de-DE");
            foreach (var format in new[] { "text", "json", "sarif" })
            {
                string[] formatted = [.. args, "--format", format];
                System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
                var invariant = Tool.Run(_folder.FullPath, formatted);
                System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
                var turkish = Tool.Run(_folder.FullPath, formatted);
                Assert.Equal(invariant.StandardOutput, turkish.StandardOutput);
                Assert.Equal(invariant.StandardError, turkish.StandardError);
            }
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }

        Assert.Equal(first.StandardOutput, Tool.Run(_folder.FullPath, args).StandardOutput);
        Assert.NotEmpty(first.StandardOutput);
    }
}
