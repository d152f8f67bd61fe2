using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;

namespace SecureManifests.Output;

/// <summary>
/// Turns the JSON tree of one Kubernetes object into one YAML document: key order, pruning and every scalar's
/// style are decided here, and <see cref="YamlBlockWriter"/> writes them.
/// </summary>
internal static class ManifestDocumentWriter
{
    /// <summary>Prunes <paramref name="root"/> in place and writes it as one YAML document.</summary>
    public static void Write(JsonObject root, TextWriter writer)
    {
        Prune(root);
        var yaml = new YamlBlockWriter(writer);
        if (root.Count == 0)
        {
            yaml.EmptyFlow(mapping: true);
            return;
        }

        WriteMapping(yaml, root, MappingRole.Root, indent: 0);
    }

    /// <summary>Removes nulls and meaningless empty containers; returns whether the node ended up empty.</summary>
    internal static bool Prune(JsonNode node)
    {
        if (node is JsonArray array)
        {
            // Items are never removed: their position and presence carry meaning (see EmptyValuePolicy).
            foreach (var item in array)
            {
                if (item is JsonObject or JsonArray)
                {
                    Prune(item);
                }
            }

            return array.Count == 0;
        }

        if (node is not JsonObject obj)
        {
            return false;
        }

        List<string>? doomed = null;
        foreach (var (key, value) in obj)
        {
            var drop = value switch
            {
                null => true,
                JsonObject child => Prune(child) && !EmptyValuePolicy.KeepsEmptyMapping(key),
                JsonArray child => Prune(child),
                _ => false,
            };
            if (drop)
            {
                (doomed ??= []).Add(key);
            }
        }

        if (doomed is not null)
        {
            foreach (var key in doomed)
            {
                obj.Remove(key);
            }
        }

        return obj.Count == 0;
    }

    private static void WriteMapping(YamlBlockWriter yaml, JsonObject obj, MappingRole role, int indent)
    {
        yaml.BeginBlock();
        var count = obj.Count;
        var entries = new KeyValuePair<string, JsonNode?>[count];
        var i = 0;
        foreach (var entry in obj)
        {
            entries[i++] = entry;
        }

        MappingKeyOrder.Sort(entries, count, role);
        foreach (var (key, value) in entries)
        {
            yaml.Key(key, ScalarStyleChooser.ForKey(key), indent);
            WriteNode(yaml, value, MappingKeyOrder.RoleOfChild(key), indent, childIndent: indent + 2);
        }
    }

    /// <param name="indent">The indent of the key or item that holds this node.</param>
    /// <param name="childIndent">Where a nested mapping's keys, or a sequence nested in an item, go.</param>
    /// <param name="underKey">Whether the node is a mapping value; a sequence there sits at its key's indent.</param>
    private static void WriteNode(YamlBlockWriter yaml, JsonNode? node, MappingRole roleIfMapping, int indent, int childIndent, bool underKey = true)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count == 0:
                // Only reached for kept empties ("emptyDir: {}", "ingress: [{}]").
                yaml.EmptyFlow(mapping: true);
                break;
            case JsonObject obj:
                WriteMapping(yaml, obj, roleIfMapping, childIndent);
                break;
            case JsonArray array when array.Count == 0:
                yaml.EmptyFlow(mapping: false);
                break;
            case JsonArray array:
                // Sequences sit at their key's indent ("key:\n- a"), as kubectl writes them; nested in an item, after "- ".
                var itemIndent = underKey ? indent : childIndent;
                yaml.BeginBlock();
                foreach (var item in array)
                {
                    yaml.Item(itemIndent);
                    WriteNode(yaml, item, MappingRole.Structured, itemIndent, childIndent: itemIndent + 2, underKey: false);
                }

                break;
            case null:
                yaml.Scalar("null", ScalarStyle.Plain, indent);
                break;
            case JsonValue value:
                WriteValue(yaml, value, indent);
                break;
        }
    }

    private static void WriteValue(YamlBlockWriter yaml, JsonValue value, int indent)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                var text = value.GetValue<string>();
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
                var number = value.TryGetValue<JsonElement>(out var element) ? element.GetRawText() : value.ToJsonString();
                yaml.Scalar(number, ScalarStyle.Plain, indent);
                break;
            default:
                yaml.Scalar("null", ScalarStyle.Plain, indent);
                break;
        }
    }
}
