using System.Text.Json;
using SecureManifests.Cli.Tests.Infrastructure;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests;

/// <summary>What lint reads: files, folders, stdin, multi-document YAML, <c>kind: List</c>, JSON; and unreadable input.</summary>
public sealed class LintInputTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Stdin_is_read_when_the_path_is_a_dash()
    {
        var result = Tool.Run(_folder.FullPath, ["lint", "-", "--profile", "baseline"], Manifests.PrivilegedPod);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.StartsWith("-:14:7: error SM1001: ", Assert.Single(result.OutputLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Folders_are_searched_recursively_for_manifests_in_ordinal_order()
    {
        _folder.Write("b/pod.yaml", Manifests.PrivilegedPod);
        _folder.Write("a/z/pod.yml", Manifests.PrivilegedPod.Replace("name: web", "name: yml", StringComparison.Ordinal));
        _folder.Write("a/Pod.json", """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"json","namespace":"shop"},"spec":{"containers":[{"name":"c","image":"x:1","securityContext":{"privileged":true}}]}}""");
        _folder.Write("a/notes.txt", "kind: Pod\nthis is not read");
        _folder.Write("a/README.md", "# not a manifest");

        var result = Tool.Run(_folder.FullPath, ["lint", ".", "--profile", "baseline"]);

        Assert.Equal(
            ["a/Pod.json:1:", "a/z/pod.yml:14:", "b/pod.yaml:14:"],
            result.OutputLines.Select(l => l[..(l.IndexOf(':', l.IndexOf(':') + 1) + 1)]).ToArray());
        Assert.StartsWith("3 files, 3 objects", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_findings_point_at_the_field_in_the_json_text()
    {
        _folder.Write("pod.json", """
            {
              "apiVersion": "v1",
              "kind": "Pod",
              "metadata": {"name": "json", "namespace": "shop"},
              "spec": {
                "containers": [
                  {"name": "c", "image": "x:1",
                   "securityContext": {"privileged": true}}
                ]
              }
            }
            """);

        var result = Tool.Run(_folder.FullPath, ["lint", "pod.json", "--profile", "baseline"]);

        Assert.StartsWith("pod.json:8:28: error SM1001: ", Assert.Single(result.OutputLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_item_of_a_List_is_an_object_with_its_own_positions()
    {
        _folder.Write("list.yaml", """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Pod
              metadata: {name: one, namespace: shop}
              spec:
                containers: [{name: c, image: "x:1"}]
            - apiVersion: v1
              kind: Pod
              metadata: {name: two, namespace: shop}
              spec:
                hostPID: true
                containers: [{name: c, image: "x:1"}]
            """);

        var result = Tool.Run(_folder.FullPath, ["lint", "list.yaml", "--profile", "baseline", "--format", "json"]);

        using var json = JsonDocument.Parse(result.StandardOutput);
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("two", finding.GetProperty("name").GetString());
        Assert.Equal(13, finding.GetProperty("line").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("summary").GetProperty("documents").GetInt32());
    }

    [Fact]
    public void A_missing_file_and_a_readable_one_are_both_reported_and_exit_2()
    {
        _folder.Write("pod.yaml", Manifests.PrivilegedPod);

        var result = Tool.Run(_folder.FullPath, ["lint", "missing.yaml", "pod.yaml", "--profile", "baseline"]);

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.StartsWith("pod.yaml:14:7: error SM1001", Assert.Single(result.OutputLines), StringComparison.Ordinal);
        Assert.Equal("missing.yaml:1:1: error: cannot read: no such file or folder", result.ErrorLines[0]);
        Assert.Equal("1 file, 1 object: 1 error, 0 warnings, 0 info; 1 input error", result.ErrorLines[1]);
    }

    [Fact]
    public void A_syntax_error_stops_only_its_own_file()
    {
        _folder.Write("a-broken.yaml", Manifests.PrivilegedPod + "\n---\nkind: Pod\nmetadata: {name: [x\n");
        _folder.Write("b-pod.yaml", Manifests.PrivilegedPod.Replace("name: web", "name: other", StringComparison.Ordinal));

        var result = Tool.Run(_folder.FullPath, ["lint", ".", "--profile", "baseline"]);

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        // The document before the error is still checked, and so is the next file.
        Assert.Equal(2, result.OutputLines.Count);
        Assert.Contains(result.OutputLines, l => l.StartsWith("a-broken.yaml:14:7: error SM1001", StringComparison.Ordinal));
        Assert.Contains(result.OutputLines, l => l.StartsWith("b-pod.yaml:14:7: error SM1001", StringComparison.Ordinal));
        Assert.Matches(@"^a-broken\.yaml:1[78]:\d+: error: ", result.ErrorLines[0]);
    }

    [Fact]
    public void A_file_given_twice_is_linted_once()
    {
        _folder.Write("k8s/pod.yaml", Manifests.PrivilegedPod);

        var result = Tool.Run(_folder.FullPath, ["lint", "k8s", "k8s/pod.yaml", "--profile", "baseline"]);

        Assert.Single(result.OutputLines);
    }
}
