using System.Text.Json;
using SecureManifests.Cli.Tests.Infrastructure;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests;

/// <summary>
/// --write-baseline and --baseline: findings recorded by rule, object and field (no lines), so a shift of lines keeps
/// them; kept ones do not fail, new ones do, fixed ones are named so the file can shrink; a multiset.
/// </summary>
public sealed class LintBaselineTests : IDisposable
{
    // Two containers that set the same forbidden fields: SM1001 twice on one object at two paths.
    private const string TwoPrivileged = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: shop
        spec:
          containers:
          - name: a
            image: x:1
            securityContext:
              privileged: true
          - name: b
            image: x:1
            securityContext:
              privileged: true
        """;

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_baseline_is_sorted_versioned_json_without_lines_and_the_same_bytes_every_run()
    {
        _folder.Write("pod.yaml", TwoPrivileged);
        _folder.Write("other.yaml", Manifests.PrivilegedPod);

        var first = Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "other.yaml", "--profile", "baseline", "--write-baseline", "base.json"]);
        var bytes = File.ReadAllBytes(Path.Combine(_folder.FullPath, "base.json"));
        Tool.Run(_folder.FullPath, ["lint", "other.yaml", "pod.yaml", "--profile", "baseline", "--write-baseline", "base.json"]);

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Equal("wrote the baseline base.json: 3 findings", first.ErrorLines[^1]);
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(_folder.FullPath, "base.json")));
        using var json = JsonDocument.Parse(bytes);
        Assert.Equal(1, json.RootElement.GetProperty("version").GetInt32());
        var entries = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(
            ["SM1001 Pod/shop/web spec.containers[0].securityContext.privileged", "SM1001 Pod/shop/web spec.containers[1].securityContext.privileged"],
            entries.Select(e => $"{e.GetProperty("ruleId").GetString()} {e.GetProperty("kind").GetString()}/{e.GetProperty("namespace").GetString()}/{e.GetProperty("name").GetString()} {e.GetProperty("path").GetString()}").ToArray());
        // other.yaml's web pod is the same object at the same path as pod.yaml's second container: counted twice.
        Assert.Equal([1, 2], entries.Select(e => e.GetProperty("count").GetInt32()).ToArray());
        Assert.DoesNotContain("\"line\"", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_line_shift_kept_findings_pass_new_ones_fail_and_fixed_ones_are_reported()
    {
        _folder.Write("pod.yaml", TwoPrivileged);
        Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--profile", "baseline", "--write-baseline", "base.json"]);

        // Lines moved (a label and a comment on top), container a fixed, a new host-network finding added.
        _folder.Write("pod.yaml", "# moved down\n" + TwoPrivileged
            .Replace("  namespace: shop\n", "  namespace: shop\n  labels: {app: web}\n", StringComparison.Ordinal)
            .Replace("spec:\n", "spec:\n  hostNetwork: true\n", StringComparison.Ordinal)
            .Replace("      privileged: true\n  - name: b", "      privileged: false\n  - name: b", StringComparison.Ordinal));

        var text = Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--profile", "baseline", "--baseline", "base.json"]);
        var json = Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--profile", "baseline", "--baseline", "base.json", "--format", "json"]);

        Assert.Equal(ExitCodes.Findings, text.ExitCode);
        Assert.StartsWith("pod.yaml:9:3: error SM1002: ", Assert.Single(text.OutputLines), StringComparison.Ordinal);
        Assert.Equal(
            "base.json: fixed: SM1001 Pod/shop/web at spec.containers[0].securityContext.privileged is no longer found; drop it from the baseline (--write-baseline rewrites it)",
            text.ErrorLines[0]);
        Assert.Equal("1 file, 1 object: 1 error, 0 warnings, 0 info, 1 baselined, 1 fixed", text.ErrorLines[1]);
        using var document = JsonDocument.Parse(json.StandardOutput);
        var findings = document.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal([("SM1002", false), ("SM1001", true)], findings.Select(f => (f.GetProperty("ruleId").GetString()!, f.GetProperty("baselined").GetBoolean())).ToArray());
        var summary = document.RootElement.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("findings").GetInt32());
        Assert.Equal(1, summary.GetProperty("baselined").GetInt32());
        var fixedEntry = Assert.Single(summary.GetProperty("baselineFixed").EnumerateArray());
        Assert.Equal("spec.containers[0].securityContext.privileged", fixedEntry.GetProperty("path").GetString());

        // Only the baselined findings left: exit 0.
        _folder.Write("pod.yaml", TwoPrivileged);
        Assert.Equal(ExitCodes.Success, Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--profile", "baseline", "--baseline", "base.json"]).ExitCode);
    }

    [Fact]
    public void Identical_findings_count_as_a_multiset()
    {
        // The same object twice (two files) gives the same finding twice; a baseline of one covers one of them.
        _folder.Write("one/pod.yaml", Manifests.PrivilegedPod);
        Tool.Run(_folder.FullPath, ["lint", "one", "--profile", "baseline", "--write-baseline", "base.json"]);
        _folder.Write("two/pod.yaml", Manifests.PrivilegedPod);

        var result = Tool.Run(_folder.FullPath, ["lint", "one", "two", "--profile", "baseline", "--baseline", "base.json"]);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.StartsWith("two/pod.yaml:14:7: error SM1001", Assert.Single(result.OutputLines), StringComparison.Ordinal);
        Assert.Contains(", 1 baselined", result.ErrorLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_marks_baselined_results_unchanged_and_suppressed_externally_and_stays_valid()
    {
        _folder.Write("pod.yaml", TwoPrivileged);
        Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--profile", "baseline", "--write-baseline", "base.json"]);
        _folder.Write("pod.yaml", TwoPrivileged.Replace("spec:\n", "spec:\n  hostPID: true\n", StringComparison.Ordinal));

        var result = Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--profile", "baseline", "--baseline", "base.json", "--format", "sarif"]);

        var (code, output) = SarifReferee.Validate(result.StandardOutput);
        Assert.True(code == 0, output);
        using var sarif = JsonDocument.Parse(result.StandardOutput);
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["new", "unchanged", "unchanged"], results.Select(r => r.GetProperty("baselineState").GetString()!).ToArray());
        Assert.False(results[0].TryGetProperty("suppressions", out _));
        Assert.Equal("external", results[1].GetProperty("suppressions")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void A_missing_or_broken_baseline_is_one_line_and_exit_2()
    {
        _folder.Write("pod.yaml", Manifests.PrivilegedPod);
        _folder.Write("old.json", "{\"version\": 7, \"findings\": []}");
        _folder.Write("bad.json", "{\"version\": 1,\n \"findings\": [}");

        Assert.Equal("nope.json:1:1: error: no such baseline; write one with --write-baseline FILE", Assert.Single(Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--baseline", "nope.json"]).ErrorLines));
        Assert.StartsWith("old.json:1:1: error: baseline version 7 is not supported", Assert.Single(Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--baseline", "old.json"]).ErrorLines), StringComparison.Ordinal);
        var broken = Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--baseline", "bad.json"]);
        Assert.Equal(ExitCodes.UsageOrInputError, broken.ExitCode);
        Assert.StartsWith("bad.json:2:", Assert.Single(broken.ErrorLines), StringComparison.Ordinal);
    }
}
