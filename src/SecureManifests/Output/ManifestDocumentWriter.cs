using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;

namespace SecureManifests.Output;

/// <summary>
/// Turns the JSON of one Kubernetes object into one YAML document: key order, pruning and every scalar's style are
/// decided here, and <see cref="YamlBlockWriter"/> writes them. It reads the serializer's <see cref="JsonElement"/>
/// tree as it is and prunes while writing: a synth writes thousands of documents, and building a mutable
/// <see cref="JsonNode"/> copy of each only to delete from it was a third of the render time.
/// </summary>
internal static class ManifestDocumentWriter
{
    /// <summary>Writes <paramref name="root"/>, a JSON object, as one YAML document, leaving out what pruning drops.</summary>
    public static void Write(JsonElement root, TextWriter writer)
    {
        var yaml = new YamlBlockWriter(writer);
        if (IsEmptyAfterPruning(root))
        {
            yaml.EmptyFlow(mapping: true);
            return;
        }

        WriteMapping(yaml, root, MappingRole.Root, indent: 0);
    }

    /// <summary>
    /// A copy of <paramref name="root"/> without what the writer leaves out: what a reader of the YAML gets back.
    /// Tests compare read-back objects with it.
    /// </summary>
    internal static JsonObject PrunedCopy(JsonElement root)
    {
        var copy = new JsonObject();
        foreach (var member in root.EnumerateObject())
        {
            if (!IsDropped(member))
            {
                copy[member.Name] = PrunedCopyOfValue(member.Value);
            }
        }

        return copy;
    }

    private static JsonNode? PrunedCopyOfValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => PrunedCopy(value),
        JsonValueKind.Array => new JsonArray([.. value.EnumerateArray().Select(PrunedCopyOfValue)]),
        _ => JsonValue.Create(value),
    };

    /// <summary>
    /// Whether a member is left out: a null, an empty sequence, or a mapping with nothing left after pruning (except
    /// where <see cref="EmptyValuePolicy"/> keeps <c>{}</c>). Items of a sequence are never left out: their position
    /// and presence carry meaning (see <see cref="EmptyValuePolicy"/>).
    /// </summary>
    private static bool IsDropped(JsonProperty member) => member.Value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => true,
        JsonValueKind.Array => member.Value.GetArrayLength() == 0,
        JsonValueKind.Object => IsEmptyAfterPruning(member.Value) && !EmptyValuePolicy.KeepsEmptyMapping(member.Name),
        _ => false,
    };

    // Stops at the first member that stays, which is almost always the first one.
    private static bool IsEmptyAfterPruning(JsonElement obj)
    {
        foreach (var member in obj.EnumerateObject())
        {
            if (!IsDropped(member))
            {
                return false;
            }
        }

        return true;
    }

    private static void WriteMapping(YamlBlockWriter yaml, JsonElement obj, MappingRole role, int indent)
    {
        yaml.BeginBlock();
        var capacity = obj.GetPropertyCount();
        var keys = new string[capacity];
        var values = new JsonElement[capacity];
        var count = 0;
        foreach (var member in obj.EnumerateObject())
        {
            if (!IsDropped(member))
            {
                keys[count] = member.Name;
                values[count++] = member.Value;
            }
        }

        MappingKeyOrder.Sort(keys, values, count, role);
        for (var i = 0; i < count; i++)
        {
            yaml.Key(keys[i], ScalarStyleChooser.ForKey(keys[i]), indent);
            WriteNode(yaml, values[i], MappingKeyOrder.RoleOfChild(keys[i]), indent, childIndent: indent + 2);
        }
    }

    /// <param name="indent">The indent of the key or item that holds this node.</param>
    /// <param name="childIndent">Where a nested mapping's keys, or a sequence nested in an item, go.</param>
    /// <param name="underKey">Whether the node is a mapping value; a sequence there sits at its key's indent.</param>
    private static void WriteNode(YamlBlockWriter yaml, JsonElement node, MappingRole roleIfMapping, int indent, int childIndent, bool underKey = true)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object when IsEmptyAfterPruning(node):
                // Only reached for kept empties ("emptyDir: {}", "ingress: [{}]").
                yaml.EmptyFlow(mapping: true);
                break;
            case JsonValueKind.Object:
                WriteMapping(yaml, node, roleIfMapping, childIndent);
                break;
            case JsonValueKind.Array when node.GetArrayLength() == 0:
                yaml.EmptyFlow(mapping: false);
                break;
            case JsonValueKind.Array:
                // Sequences sit at their key's indent ("key:\n- a"), as kubectl writes them; nested in an item, after "- ".
                var itemIndent = underKey ? indent : childIndent;
                yaml.BeginBlock();
                foreach (var item in node.EnumerateArray())
                {
                    yaml.Item(itemIndent);
                    WriteNode(yaml, item, MappingRole.Structured, itemIndent, childIndent: itemIndent + 2, underKey: false);
                }

                break;
            case JsonValueKind.String:
                var text = node.GetString()!;
                yaml.Scalar(text, ScalarStyleChooser.ForValue(text), indent);
                break;
            case JsonValueKind.True:
                yaml.Scalar("true", ScalarStyle.Plain, indent);
                break;
            case JsonValueKind.False:
                yaml.Scalar("false", ScalarStyle.Plain, indent);
                break;
            case JsonValueKind.Number:
                // The JSON text of the number is already valid YAML (int stays int, 0.5 stays 0.5).
                yaml.Scalar(node.GetRawText(), ScalarStyle.Plain, indent);
                break;
            default:
                // A null sequence item: items are never dropped.
                yaml.Scalar("null", ScalarStyle.Plain, indent);
                break;
        }
    }
}
