using System.Text.Json;
using SecureManifests.Cli.Tests.Infrastructure;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests;

/// <summary>
/// Waived findings (<c>securemanifests.io/ignore-&lt;ID&gt;: reason</c>) are reported as suppressed with their reason,
/// in every format, and never count towards the exit code.
/// </summary>
public sealed class LintSuppressionTests : IDisposable
{
    private const string Reason = "the vendor agent needs it, reviewed in SEC-42";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>The privileged pod with SM1001 waived; with <paramref name="hostNetwork"/> it also has an unwaived SM1002.</summary>
    private static string WaivedPod(bool hostNetwork = false)
    {
        var pod = Manifests.PrivilegedPod.Replace(
            "  namespace: shop\n", $"  namespace: shop\n  annotations:\n    securemanifests.io/ignore-SM1001: \"{Reason}\"\n", StringComparison.Ordinal);
        return hostNetwork ? pod.Replace("spec:\n", "spec:\n  hostNetwork: true\n", StringComparison.Ordinal) : pod;
    }

    [Fact]
    public void Json_keeps_a_waived_finding_as_suppressed_with_its_justification()
    {
        _folder.Write("pod.yaml", WaivedPod());

        var result = Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--profile", "baseline", "--format", "json"]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.Describe());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("SM1001", finding.GetProperty("ruleId").GetString());
        Assert.True(finding.GetProperty("suppressed").GetBoolean());
        Assert.Equal(Reason, finding.GetProperty("justification").GetString());
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(0, summary.GetProperty("findings").GetInt32());
        Assert.Equal(0, summary.GetProperty("bySeverity").GetProperty("error").GetInt32());
        Assert.Equal(1, summary.GetProperty("suppressed").GetInt32());
    }

    [Fact]
    public void Json_counts_only_unsuppressed_findings_towards_the_summary_and_exit_code()
    {
        _folder.Write("pod.yaml", WaivedPod(hostNetwork: true));

        var result = Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--profile", "baseline", "--format", "json"]);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal("SM1002 False, SM1001 True",
            string.Join(", ", findings.Select(f => f.GetProperty("ruleId").GetString() + " " + f.GetProperty("suppressed").GetBoolean())));
        Assert.False(findings[0].TryGetProperty("justification", out _));
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("findings").GetInt32());
        Assert.Equal(1, summary.GetProperty("bySeverity").GetProperty("error").GetInt32());
        Assert.Equal(1, summary.GetProperty("suppressed").GetInt32());
    }

    [Fact]
    public void Sarif_marks_a_waived_result_with_an_in_source_suppression_and_stays_schema_valid()
    {
        _folder.Write("pod.yaml", WaivedPod(hostNetwork: true));

        var result = Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--profile", "baseline", "--format", "sarif"]);

        var (code, output) = SarifReferee.Validate(result.StandardOutput);
        Assert.True(code == 0, "SARIF schema violations:\n" + output);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var results = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var waived = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "SM1001");
        var suppression = Assert.Single(waived.GetProperty("suppressions").EnumerateArray());
        Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
        Assert.Equal(Reason, suppression.GetProperty("justification").GetString());
        var open = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "SM1002");
        Assert.False(open.TryGetProperty("suppressions", out _));
    }

    [Fact]
    public void Text_prints_no_line_for_a_waived_finding_and_counts_it_in_the_summary()
    {
        _folder.Write("pod.yaml", WaivedPod());

        var result = Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--profile", "baseline"]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.Describe());
        Assert.Empty(result.StandardOutput);
        Assert.Equal("1 file, 1 object: 0 errors, 0 warnings, 0 info, 1 suppressed", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void Suppressed_findings_never_trip_fail_on()
    {
        _folder.Write("pod.yaml", WaivedPod());

        var result = Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--profile", "baseline", "--fail-on", "info"]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.Describe());
    }
}
