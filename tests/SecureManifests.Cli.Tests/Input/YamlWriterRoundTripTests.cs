using System.Text.Json.Nodes;
using CsCheck;
using k8s;
using k8s.Models;
using SecureManifests.Cli.Input;
using SecureManifests.Output;

namespace SecureManifests.Cli.Tests.Input;

/// <summary>
/// Issue 11, deliverable 8: a property test of the YAML writer. Kubernetes-like objects full of strings a YAML
/// reader could misread (numbers, booleans and nulls as strings, indicators, quotes, multi-line, empty, unicode,
/// control characters, keys that need quoting) are written with the SDK's writer and read back with the lint
/// reader: the object read is the object written (after the writer's documented pruning of empty fields).
/// </summary>
public sealed class YamlWriterRoundTripTests
{
    // Whole values that plain YAML would resolve to something else, or that start with an indicator.
    private static readonly string[] Tricky =
    [
        "", " ", "true", "False", "yes", "no", "on", "off", "y", "n", "~", "null", "NULL", "0", "-1", "+1", "012", "0x1F", "0o17",
        "1e3", "1_000", ".5", "3.", ".inf", "-.Inf", ".nan", "2001-12-14", "1:20", "- a", "? x", ": y", "a: b", "a #b", "#c",
        "&a", "*a", "!t", "!!str", "%x", "@x", "`x", "|", ">", "---", "...", "'", "\"", "\\", "[a]", "{a: 1}", "a,b", "<<",
        "=", "x ", " x", "\tx", "x\t", "a\nb", "a\n", "\n", "a\n\nb", "a\r\nb", "\r", "\u001b[31m", "\u0085", "\u2028", "\u00a0",
        "\uFEFFbom", "é", "日本語", "🔒", "\u0000", "\u007f", "\u009b", "1.2.3", "0777", "Infinity", "NaN",
    ];

    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.OneOf(Tricky),
        Gen.String[Gen.Char["abcxyz019 -_.:#'\"\\/\t\n"], 0, 6],
        Gen.String[Gen.Char, 0, 4].Where(s => !HasLoneSurrogate(s)));

    private static readonly Gen<string> Text = Piece.Array[1, 4].Select(parts => string.Concat(parts));

    private static readonly Gen<string> DnsName =
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], 1, 12].Select(s => "n" + s);

    private static readonly Gen<Dictionary<string, string>?> Map =
        Gen.Select(Text, Text).Array[0, 6].Select(pairs => pairs.Length == 0
            ? null
            : pairs.GroupBy(p => p.Item1, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Item2, StringComparer.Ordinal));

    private static readonly Gen<IKubernetesObject> ConfigMap =
        Gen.Select(DnsName, DnsName, Map, Map, Map).Select(t => (IKubernetesObject)new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new V1ObjectMeta { Name = t.Item1, NamespaceProperty = t.Item2, Labels = t.Item3, Annotations = t.Item4 },
            Data = t.Item5,
        });

    private static readonly Gen<IKubernetesObject> Pod =
        Gen.Select(DnsName, Text.Array[0, 5], Gen.Select(Text, Text).Array[0, 4], Text).Select(t => (IKubernetesObject)new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta { Name = t.Item1, NamespaceProperty = "shop" },
            Spec = new V1PodSpec
            {
                Containers =
                [
                    new V1Container
                    {
                        Name = "c",
                        Image = "nginx:1.27",
                        Args = t.Item2.Length == 0 ? null : t.Item2.ToList(),
                        Env = t.Item3.Length == 0 ? null : t.Item3.Select((e, i) => new V1EnvVar { Name = "E" + i, Value = e.Item2 }).ToList(),
                        Command = [t.Item4],
                    },
                ],
            },
        });

    [Fact]
    public void Objects_written_by_the_yaml_writer_read_back_as_the_same_object()
    {
        Gen.OneOf(ConfigMap, Pod).Sample(
            obj =>
            {
                var yaml = ManifestYaml.Serialize(obj);
                using var written = ManifestYaml.ToDocument(obj);
                var expected = ManifestDocumentWriter.PrunedCopy(written.RootElement);

                var result = Assert.Single(new ManifestReader().Read("round-trip.yaml", new StringReader(yaml)).ToList());
                var document = Assert.IsType<SourceDocument>(result, exactMatch: false);
                var actual = JsonNode.Parse(KubernetesJson.Serialize(document.Object))!;

                Assert.True(JsonNode.DeepEquals(expected, actual), $"written:\n{yaml}\nexpected: {expected.ToJsonString()}\nread back: {actual.ToJsonString()}");
            },
            iter: 400,
            print: obj => KubernetesJson.Serialize(obj));
    }

    private static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                return true;
            }
        }

        return false;
    }
}
