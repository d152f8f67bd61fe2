using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SecureManifests.Output;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SecureManifests.Tests.Output;

/// <summary>
/// Our block writer must write exactly what YamlDotNet's general emitter writes for the same tree and the same
/// scalar styles: the emitter is the referee, and the round-trip tests check that readers agree.
/// </summary>
public class YamlBlockWriterOracleTests
{
    public static TheoryData<string> Values => new()
    {
        "plain", "", "on", "0123", "a: b", "line one\nline two", "trailing\n", "two trailing\n\n", " leading space\nx",
        "\nstarts with a break", "emoji \U0001F600 here", "bell\a", "nbsp\u00A0x",
        "quote \" and \\ backslash", "del\u007F", "- dash", "# hash", "x #y", "null",
        "multi\n\nblank lines\n  indented\nend",
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Scalars_in_every_position_match_the_emitter(string value)
    {
        var configMap = new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new V1ObjectMeta { Name = "x", Labels = new Dictionary<string, string> { ["k"] = "v" } },
            Data = new Dictionary<string, string> { ["key"] = value, [value.Length == 0 ? "empty" : value.Replace("\n", " ", StringComparison.Ordinal)] = "v" },
        };

        AssertSameAsEmitter(configMap);
    }

    /// <summary>
    /// Where we deliberately differ from the emitter: a tab and a byte order mark are escaped (the emitter writes them
    /// raw, invisible in review), and a key with an escaped line break stays a one-line quoted key (the emitter
    /// switches to the <c>? key</c> form). Every reader must still read back the exact strings.
    /// </summary>
    [Theory]
    [InlineData("tab\there", "\"tab\\there\"")]
    [InlineData("bom\uFEFF", "\"bom\\uFEFF\"")]
    [InlineData("carriage\rreturn", "\"carriage\\rreturn\"")]
    [InlineData("\u2028separator", "\"\\Lseparator\"")]
    public void Escaped_differences_read_back_exactly(string value, string written)
    {
        var configMap = new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new V1ObjectMeta { Name = "x" },
            Data = new Dictionary<string, string> { ["key"] = value, [value] = "v" },
        };

        var yaml = ManifestYaml.Serialize(configMap);

        Assert.Contains($"  key: {written}\n", yaml, StringComparison.Ordinal);
        Assert.Contains($"  {written}: v\n", yaml, StringComparison.Ordinal);
        var readBack = Assert.IsType<V1ConfigMap>(Assert.Single(KubernetesYaml.LoadAllFromString(yaml)));
        Assert.Equal(configMap.Data, readBack.Data);
    }

    [Fact]
    public void Nested_sequences_mappings_and_kept_empties_match_the_emitter()
    {
        var custom = new SecureManifests.Model.CustomObject("example.com/v1", "Widget", "w")
        {
            Spec = JsonNode.Parse("""
                {"matrix":[[1,2],[["a"],"b"],[]],"items":[{"name":"a","ports":[{"name":"p","port":1}]},{},{"x":[{"y":{"z":[true,null,0.5]}}]}],
                 "emptyDir":{},"selector":{},"deep":{"a":{"b":{"c":["\n", "x\ny"]}}}}
                """)!.AsObject(),
        };

        AssertSameAsEmitter(custom);
    }

    private static void AssertSameAsEmitter(IKubernetesObject obj)
    {
        var ours = ManifestYaml.Serialize(obj);
        using var document = System.Text.Json.JsonDocument.Parse(KubernetesJson.Serialize(obj));
        var json = ManifestDocumentWriter.PrunedCopy(document.RootElement);
        Assert.Equal(EmitterOracle.Write(json), ours);
    }

    /// <summary>The same tree and styles through YamlDotNet's event emitter, with kubectl-like settings.</summary>
    private static class EmitterOracle
    {
        private static readonly EmitterSettings Settings = new(
            bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: int.MaxValue,
            skipAnchorName: false, indentSequences: false, newLine: "\n");

        public static string Write(JsonObject root)
        {
            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            var emitter = new Emitter(writer, Settings);
            emitter.Emit(new StreamStart());
            emitter.Emit(new DocumentStart(null, null, isImplicit: true));
            Mapping(emitter, root, MappingRole.Root);
            emitter.Emit(new DocumentEnd(isImplicit: true));
            emitter.Emit(new StreamEnd());
            return writer.ToString();
        }

        private static void Mapping(IEmitter emitter, JsonObject obj, MappingRole role)
        {
            emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
            var keys = obj.Select(member => member.Key).ToArray();
            var values = obj.Select(member => member.Value).ToArray();
            MappingKeyOrder.Sort(keys, values, keys.Length, role);
            foreach (var (key, value) in keys.Zip(values))
            {
                Scalar(emitter, key, ScalarStyleChooser.ForKey(key));
                Node(emitter, value, MappingKeyOrder.RoleOfChild(key));
            }

            emitter.Emit(new MappingEnd());
        }

        private static void Node(IEmitter emitter, JsonNode? node, MappingRole role)
        {
            switch (node)
            {
                case JsonObject obj when obj.Count == 0:
                    emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Flow));
                    emitter.Emit(new MappingEnd());
                    break;
                case JsonObject obj:
                    Mapping(emitter, obj, role);
                    break;
                case JsonArray array when array.Count == 0:
                    emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Flow));
                    emitter.Emit(new SequenceEnd());
                    break;
                case JsonArray array:
                    emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Block));
                    foreach (var item in array)
                    {
                        Node(emitter, item, MappingRole.Structured);
                    }

                    emitter.Emit(new SequenceEnd());
                    break;
                case null:
                    Scalar(emitter, "null", ScalarStyle.Plain);
                    break;
                case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String:
                    var text = value.GetValue<string>();
                    Scalar(emitter, text, ScalarStyleChooser.ForValue(text));
                    break;
                case JsonValue value:
                    Scalar(emitter, value.ToJsonString(), ScalarStyle.Plain);
                    break;
            }
        }

        private static void Scalar(IEmitter emitter, string text, ScalarStyle style) =>
            emitter.Emit(new YamlDotNet.Core.Events.Scalar(null, null, text, style, isPlainImplicit: true, isQuotedImplicit: true));
    }
}
