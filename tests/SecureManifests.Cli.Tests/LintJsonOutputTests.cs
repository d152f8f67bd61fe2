using System.Text.Json;
using SecureManifests.Cli.Tests.Infrastructure;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests;

/// <summary>The json format: the public finding contract, read errors, and the summary.</summary>
public sealed class LintJsonOutputTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_finding_has_exactly_the_contract_fields_in_order()
    {
        _folder.Write("pod.yaml", Manifests.PrivilegedPod);

        var result = Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--profile", "baseline", "--format", "json"]);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal(
            ["ruleId", "severity", "file", "line", "column", "kind", "namespace", "name", "container", "path", "message", "suppressed", "baselined"],
            finding.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("SM1001", finding.GetProperty("ruleId").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal("pod.yaml", finding.GetProperty("file").GetString());
        Assert.Equal(14, finding.GetProperty("line").GetInt32());
        Assert.Equal(7, finding.GetProperty("column").GetInt32());
        Assert.Equal("Pod", finding.GetProperty("kind").GetString());
        Assert.Equal("shop", finding.GetProperty("namespace").GetString());
        Assert.Equal("web", finding.GetProperty("name").GetString());
        Assert.Equal("bad", finding.GetProperty("container").GetString());
        Assert.Equal("spec.containers[1].securityContext.privileged", finding.GetProperty("path").GetString());
        Assert.Contains("privileged", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        // Only a waived finding has a justification (LintSuppressionTests).
        Assert.False(finding.GetProperty("suppressed").GetBoolean());
    }

    [Fact]
    public void Absent_namespace_and_container_are_null()
    {
        _folder.Write("pod.yaml", Manifests.PrivilegedPod.Replace("  namespace: shop\n", string.Empty, StringComparison.Ordinal)
            .Replace("privileged: true", "privileged: false", StringComparison.Ordinal)
            .Replace("spec:\n", "spec:\n  hostNetwork: true\n", StringComparison.Ordinal));

        var result = Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--profile", "baseline", "--format", "json", "--namespace", "ns1", "--exclude", "SM1002"]);
        Assert.Equal(ExitCodes.Success, result.ExitCode);

        var unnamespaced = Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--profile", "baseline", "--format", "json", "--include", "SM1002"]);
        using var json = JsonDocument.Parse(unnamespaced.StandardOutput);
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "SM1002");
        Assert.Equal(JsonValueKind.Null, finding.GetProperty("container").ValueKind);
        Assert.Equal(JsonValueKind.Null, finding.GetProperty("namespace").ValueKind);
        Assert.Equal("spec.hostNetwork", finding.GetProperty("path").GetString());
        Assert.Equal(6, finding.GetProperty("line").GetInt32());
    }

    [Fact]
    public void The_summary_counts_by_severity_and_lists_read_errors()
    {
        _folder.Write("pod.yaml", Manifests.PrivilegedPod.Replace("nginx:1.27", "nginx", StringComparison.Ordinal));
        _folder.Write("broken.yaml", "apiVersion: v1\nkind: Pod\nmetadata: [\n");

        var result = Tool.Run(_folder.FullPath, ["lint", ".", "--profile", "secure", "--format", "json"]);

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(2, summary.GetProperty("files").GetInt32());
        Assert.Equal(1, summary.GetProperty("documents").GetInt32());
        Assert.Equal(findings.Count, summary.GetProperty("findings").GetInt32());
        var bySeverity = summary.GetProperty("bySeverity");
        foreach (var severity in new[] { "error", "warning", "info" })
        {
            Assert.Equal(findings.Count(f => f.GetProperty("severity").GetString() == severity), bySeverity.GetProperty(severity).GetInt32());
        }

        Assert.True(bySeverity.GetProperty("warning").GetInt32() > 0, "mutable image tags are warnings under secure");
        Assert.Equal(1, summary.GetProperty("readErrors").GetInt32());
        var readError = Assert.Single(json.RootElement.GetProperty("readErrors").EnumerateArray());
        Assert.Equal("broken.yaml", readError.GetProperty("file").GetString());
        Assert.Equal(4, readError.GetProperty("line").GetInt32());
        // stdout stays parseable JSON; the read error is also a compiler line on stderr.
        Assert.StartsWith("broken.yaml:4:", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
