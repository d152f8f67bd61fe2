using System.Text.Json;
using SecureManifests.Cli.Tests.Infrastructure;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests;

/// <summary>
/// Issue 11, deliverable 3: every error and finding is one line, and text from the input (names, values, keys, file
/// names) reaches the terminal with its control characters escaped. JSON and SARIF escape them in their serializers.
/// </summary>
public sealed class OneLineMessageTests : IDisposable
{
    private const char Escape = '\u001b';

    // A Pod whose container name holds a newline and whose image holds a terminal colour sequence, both as YAML
    // escapes in double quotes (issue 11: a quoted "\u001b[31m" reached the terminal raw).
    private const string PodWithControlCharacters = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: red
          namespace: shop
        spec:
          containers:
          - name: "c\nd"
            image: "nginx\u001b[31m"
            securityContext: {privileged: true}
        """;

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Control_characters_of_values_are_escaped_in_text_findings()
    {
        _folder.Write("pod.yaml", PodWithControlCharacters);

        var result = Tool.Run(_folder.FullPath, ["lint", "pod.yaml"]);

        Assert.True(result.ExitCode == ExitCodes.Findings, result.Describe());
        Assert.DoesNotContain(Escape, result.StandardOutput);
        Assert.NotEmpty(result.OutputLines);
        Assert.All(result.OutputLines, line => Assert.Matches(@"^pod\.yaml:\d+:\d+: (error|warning|info) SM\d{4}: .* \[Pod/shop/red\]$", line));
        Assert.Contains(result.OutputLines, line => line.Contains(@"image 'nginx\u001b[31m' of container 'c\nd'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_metadata_name_with_a_newline_cannot_forge_report_lines()
    {
        // Issue 11: a metadata.name containing \n could forge report lines. Now it is an input error: the API server
        // would refuse the object, and the error shows the name escaped.
        _folder.Write("forged.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: "web\nforged.yaml:1:1: error SM1001: forged [Pod/x/y]"
            """);

        var result = Tool.Run(_folder.FullPath, ["lint", "forged.yaml"]);

        Assert.True(result.ExitCode == ExitCodes.UsageOrInputError, result.Describe());
        Assert.Empty(result.StandardOutput);
        Assert.Equal(
            [
                @"forged.yaml:4:9: error: document 1 (ConfigMap): metadata.name ""web\nforged.yaml:1:1: error SM1001: forged [Pod/x/y]"" is not a valid Kubernetes name: it contains a control character",
                "1 file, 0 objects: 0 errors, 0 warnings, 0 info; 1 input error",
            ],
            result.ErrorLines);
    }

    [Theory]
    [InlineData("kind: Pod", "name: a/b", "4:9: error: document 1 (Pod): metadata.name \"a/b\" is not a valid Kubernetes name: it may not contain '/' or '%'")]
    [InlineData("kind: Pod", "name: \"..\"", "4:9: error: document 1 (Pod): metadata.name \"..\" is not a valid Kubernetes name: it may not be '.' or '..'")]
    [InlineData("kind: Pod", "name: \"\"", "4:9: error: document 1 (Pod): metadata.name \"\" is not a valid Kubernetes name: it is empty")]
    [InlineData("kind: ConfigMap", "name: c\n  namespace: \"shop\\u2028\"", "5:14: error: document 1 (ConfigMap c): metadata.namespace \"shop\\u2028\" is not a valid namespace name: it contains a control character")]
    public void Names_no_kind_accepts_are_input_errors_and_the_next_document_is_read(string kind, string metadata, string expected)
    {
        _folder.Write("bad.yaml", $"apiVersion: v1\n{kind}\nmetadata:\n  {metadata}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {{name: ok, namespace: shop}}\n");

        var result = Tool.Run(_folder.FullPath, ["lint", "bad.yaml"]);

        Assert.True(result.ExitCode == ExitCodes.UsageOrInputError, result.Describe());
        Assert.Equal(["bad.yaml:" + expected, "1 file, 1 object: 0 errors, 0 warnings, 0 info; 1 input error"], result.ErrorLines);
    }

    [Theory]
    [InlineData("rbac.authorization.k8s.io/v1", "ClusterRole", "system:aggregate-to-edit")]
    [InlineData("example.com/v1", "Widget", "Mixed_Case:ok")]
    [InlineData("v1", "Pod", "capabilities_baseline0")]
    public void Names_some_kind_or_fixture_uses_are_accepted(string apiVersion, string kind, string name)
    {
        _folder.Write("ok.yaml", $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata: {{name: \"{name}\", namespace: shop}}\n");

        var result = Tool.Run(_folder.FullPath, ["lint", "ok.yaml", "--profile", "baseline"]);

        Assert.DoesNotContain("not a valid", result.StandardError, StringComparison.Ordinal);
        Assert.EndsWith("1 object: 0 errors, 0 warnings, 0 info", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_and_file_names_with_control_characters_are_escaped_in_errors()
    {
        _folder.Write("dup.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  \"k\\e[2J\": a\n  \"k\\e[2J\": b\n");

        var result = Tool.Run(_folder.FullPath, ["lint", "dup.yaml", "missing\nfile\u001b.yaml"]);

        Assert.True(result.ExitCode == ExitCodes.UsageOrInputError, result.Describe());
        Assert.DoesNotContain(Escape, result.StandardError);
        Assert.Equal(
            [
                @"missing\nfile\u001b.yaml:1:1: error: cannot read: no such file or folder",
                @"dup.yaml:6:3: error: document 1: duplicate key ""k\u001b[2J"" in mapping; parsers disagree on which value wins, so it is refused (the rest of this file was not read)",
                "1 file, 0 objects: 0 errors, 0 warnings, 0 info; 2 input errors",
            ],
            result.ErrorLines);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    public void Json_and_sarif_escape_control_characters_and_keep_the_text(string format)
    {
        // C0, C1 (\u009b is a one-character terminal CSI), DEL and the Unicode line separator.
        _folder.Write("pod.yaml", PodWithControlCharacters.Replace("c\\nd", "c\\nd\\u009b\\x7f\\u2028", StringComparison.Ordinal));

        var result = Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--format", format]);

        Assert.True(result.ExitCode == ExitCodes.Findings, result.Describe());
        foreach (var c in "\u001b\u009b\u007f\u2028")
        {
            Assert.DoesNotContain(c, result.StandardOutput);
        }

        using var json = JsonDocument.Parse(result.StandardOutput);
        var messages = format == "json"
            ? json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("message").GetString()!)
            : json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("message").GetProperty("text").GetString()!);
        // The serializer escapes; the value read back is the original text.
        Assert.Contains(messages, m => m.Contains("image 'nginx\u001b[31m' of container 'c\nd\u009b\u007f\u2028'", StringComparison.Ordinal));
    }
}
