using System.Text.Json;
using SecureManifests.Cli.Tests.Infrastructure;
using SecureManifests.Rules;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests;

/// <summary>The sarif format: valid SARIF 2.1.0 (checked against the official schema), as code scanning reads it.</summary>
public sealed class LintSarifOutputTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Findings_and_read_errors_validate_against_the_SARIF_2_1_0_schema()
    {
        _folder.Write("apps/my shop/pod.yaml", Manifests.PrivilegedPod.Replace("nginx:1.27", "nginx", StringComparison.Ordinal));
        _folder.Write("apps/broken.yaml", "kind: Pod\n\tbad: [\n");
        var outside = Path.Combine(_folder.FullPath, "outside.yaml");
        File.WriteAllText(outside, Manifests.PrivilegedPod);
        Directory.CreateDirectory(Path.Combine(_folder.FullPath, "work"));

        var result = Tool.Run(Path.Combine(_folder.FullPath, "work"), ["lint", "../apps", outside, "--format", "sarif", "--profile", "all"]);

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        var (code, output) = SarifReferee.Validate(result.StandardOutput);
        Assert.True(code == 0, "SARIF schema violations:\n" + output);
    }

    [Fact]
    public void The_referee_rejects_SARIF_that_breaks_the_schema()
    {
        _folder.Write("pod.yaml", Manifests.PrivilegedPod);
        var sarif = Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--format", "sarif"]).StandardOutput;

        var (code, output) = SarifReferee.Validate(sarif.Replace("\"startLine\": 14", "\"startLine\": 0", StringComparison.Ordinal));

        Assert.True(code == 1, "a line number below 1 must be rejected by the schema:\n" + output);
    }

    [Fact]
    public void Results_point_at_the_field_and_at_rules_with_their_docs_pages()
    {
        _folder.Write("k8s/pod.yaml", Manifests.PrivilegedPod);

        var result = Tool.Run(_folder.FullPath, ["lint", "k8s", "--format", "sarif", "--profile", "baseline"]);

        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        var run = Assert.Single(json.RootElement.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("secure-manifests", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        var baselineIds = RuleCatalog.All.Where(r => r.IsInProfile(RuleProfile.Baseline)).Select(r => r.Id).ToList();
        Assert.Equal(baselineIds, rules.Select(r => r.GetProperty("id").GetString()!).ToList());

        var sarifResult = Assert.Single(run.GetProperty("results").EnumerateArray());
        var ruleIndex = sarifResult.GetProperty("ruleIndex").GetInt32();
        var rule = rules[ruleIndex];
        Assert.Equal("SM1001", sarifResult.GetProperty("ruleId").GetString());
        Assert.Equal("SM1001", rule.GetProperty("id").GetString());
        Assert.Equal(RuleCatalog.Get("SM1001").HelpUri, rule.GetProperty("helpUri").GetString());
        Assert.Equal("error", rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal("error", sarifResult.GetProperty("level").GetString());
        var location = sarifResult.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("k8s/pod.yaml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(14, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(7, location.GetProperty("region").GetProperty("startColumn").GetInt32());
        var invocation = Assert.Single(run.GetProperty("invocations").EnumerateArray());
        Assert.True(invocation.GetProperty("executionSuccessful").GetBoolean());
    }

    [Fact]
    public void Read_errors_become_tool_execution_notifications()
    {
        _folder.Write("broken.yaml", "apiVersion: v1\nkind: Pod\nmetadata: [\n");
        _folder.Write("pod.yaml", Manifests.PrivilegedPod);

        var result = Tool.Run(_folder.FullPath, ["lint", "broken.yaml", "pod.yaml", "--format", "sarif", "--profile", "baseline"]);

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var run = json.RootElement.GetProperty("runs")[0];
        Assert.Single(run.GetProperty("results").EnumerateArray());
        var invocation = run.GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        var notification = Assert.Single(invocation.GetProperty("toolExecutionNotifications").EnumerateArray());
        Assert.Equal("error", notification.GetProperty("level").GetString());
        Assert.Equal("broken.yaml", notification.GetProperty("locations")[0].GetProperty("physicalLocation")
            .GetProperty("artifactLocation").GetProperty("uri").GetString());
    }
}
