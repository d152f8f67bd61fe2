using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;
using k8s;
using SecureManifests.Output;

namespace SecureManifests.Tests.Output;

/// <summary>The written trees must build with <c>kubectl kustomize</c>, and kubectl (go-yaml) must read every value back unchanged.</summary>
public sealed class KustomizeBuildTests : IDisposable
{
    private static readonly Dictionary<string, string> TrickyData = new()
    {
        ["on"] = "on", ["yes"] = "Yes", ["n"] = "n", ["null"] = "null", ["tilde"] = "~", ["octal"] = "0123",
        ["hex"] = "0x1F", ["octal12"] = "0o17", ["underscore"] = "1_000", ["sexagesimal"] = "1:30", ["exp"] = "1e3",
        ["half"] = ".5", ["inf"] = ".inf", ["nan"] = ".NaN", ["date"] = "2001-12-14", ["empty"] = "",
        ["spaces"] = " padded ", ["colon"] = "a: b", ["hash"] = "a #b", ["star"] = "*x", ["plain"] = "nginx",
        ["script"] = "#!/bin/sh\nset -eu\necho \"a: b\"\n", ["crlf"] = "one\r\ntwo", ["version"] = "1.2.3",
        ["unicode"] = "grüß \U0001F600", ["tab"] = "a\tb",
    };

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(ManifestLayout.FilePerObject)]
    [InlineData(ManifestLayout.FilePerNamespace)]
    [InlineData(ManifestLayout.SingleFile)]
    public void Written_tree_builds_with_kubectl_kustomize_and_reads_back_unchanged(ManifestLayout layout)
    {
        List<IKubernetesObject> objects =
        [
            .. TestObjects.App("shop"),
            TestObjects.ClusterRole("system:shop:reader"),
            TestObjects.ConfigMap("shop", "tricky", TrickyData),
        ];
        var output = temp.Combine("out");
        ManifestTree.Write(objects, output, new ManifestTreeOptions { GeneratorName = "Shop.App", Layout = layout });
        foreach (var file in Directory.EnumerateFiles(output, "*.yaml", SearchOption.AllDirectories).Where(f => !f.EndsWith("kustomization.yaml", StringComparison.Ordinal)))
        {
            // Our own text must also read back unchanged under YAML 1.1 rules (go-yaml v2, PyYAML).
            foreach (var document in YamlReader.ReadDocuments(File.ReadAllText(file)))
            {
                var key = (string)document["kind"]! + " " + (string?)document["metadata"]!["namespace"] + "/" + (string)document["metadata"]!["name"]!;
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(KubernetesJson.Serialize(objects.Single(o => Key(o) == key))), document), $"{key} in {file} does not read back");
            }
        }

        var built = YamlReader.ReadDocuments(RunKustomize(output), yaml11Safe: false);

        Assert.Equal(objects.Count, built.Count);
        var expected = objects.ToDictionary(Key, o => JsonNode.Parse(KubernetesJson.Serialize(o))!);
        foreach (var document in built)
        {
            var key = (string)document["kind"]! + " " + (string?)document["metadata"]!["namespace"] + "/" + (string)document["metadata"]!["name"]!;
            Assert.True(expected.TryGetValue(key, out var input), $"kustomize produced an unexpected object {key}");
            Assert.True(JsonNode.DeepEquals(input, document), $"{key} changed on the way through kubectl:\nin:  {input!.ToJsonString()}\nout: {document.ToJsonString()}");
        }
    }

    private static string Key(IKubernetesObject o)
    {
        var json = JsonNode.Parse(KubernetesJson.Serialize(o))!;
        return (string)json["kind"]! + " " + (string?)json["metadata"]!["namespace"] + "/" + (string)json["metadata"]!["name"]!;
    }

    private static string RunKustomize(string folder)
    {
        var start = new ProcessStartInfo("kubectl", ["kustomize", folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception ex)
        {
            Assert.Fail($"kubectl was not found on PATH ({ex.Message}). These tests need kubectl (with kustomize built in) installed.");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"kubectl kustomize {folder} did not finish within 2 minutes.");
            }

            Assert.True(process.ExitCode == 0, $"kubectl kustomize {folder} failed ({process.ExitCode}):\n{stderr.Result}");
            return stdout.Result;
        }
    }
}
