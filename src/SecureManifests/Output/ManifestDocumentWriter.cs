using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SecureManifests.Output;

/// <summary>
/// Turns the JSON tree of one Kubernetes object into one YAML document through YamlDotNet's event
/// emitter, so that key order, pruning and every scalar's style are decided here, not by a serializer.
/// </summary>
internal static class ManifestDocumentWriter
{
    // Block style, 2-space indent, sequences not indented under their key (kubectl's and YamlDotNet's
    // default), no line folding (long strings stay on one line, so diffs stay small), LF.
    private static readonly EmitterSettings Settings = new(
        bestIndent: 2,
        bestWidth: int.MaxValue,
        isCanonical: false,
        maxSimpleKeyLength: int.MaxValue,
        skipAnchorName: false,
        indentSequences: false,
        newLine: "\n");

    /// <summary>Prunes <paramref name="root"/> in place and writes it as one YAML document.</summary>
    public static void Write(JsonObject root, TextWriter writer)
    {
        Prune(root);
        var emitter = new Emitter(writer, Settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        EmitMapping(emitter, root, MappingRole.Root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
    }

    /// <summary>Removes nulls and meaningless empty containers; returns whether the node ended up empty.</summary>
    private static bool Prune(JsonNode node)
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

    private static void EmitMapping(IEmitter emitter, JsonObject obj, MappingRole role)
    {
        emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
        var count = obj.Count;
        if (count > 0)
        {
            var entries = new KeyValuePair<string, JsonNode?>[count];
            var i = 0;
            foreach (var entry in obj)
            {
                entries[i++] = entry;
            }

            MappingKeyOrder.Sort(entries, count, role);
            foreach (var (key, value) in entries)
            {
                EmitScalar(emitter, key, ScalarStyleChooser.ForKey(key));
                EmitNode(emitter, value, MappingKeyOrder.RoleOfChild(key));
            }
        }

        emitter.Emit(new MappingEnd());
    }

    private static void EmitNode(IEmitter emitter, JsonNode? node, MappingRole roleIfMapping)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count == 0:
                // Only reached for kept empties ("emptyDir: {}", "ingress: [{}]"); "{}" is the one readable form.
                emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Flow));
                emitter.Emit(new MappingEnd());
                break;
            case JsonObject obj:
                EmitMapping(emitter, obj, roleIfMapping);
                break;
            case JsonArray array when array.Count == 0:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Flow));
                emitter.Emit(new SequenceEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Block));
                foreach (var item in array)
                {
                    EmitNode(emitter, item, MappingRole.Structured);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case null:
                EmitScalar(emitter, "null", ScalarStyle.Plain);
                break;
            case JsonValue value:
                EmitValue(emitter, value);
                break;
        }
    }

    private static void EmitValue(IEmitter emitter, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                var text = value.GetValue<string>();
                EmitScalar(emitter, text, ScalarStyleChooser.ForValue(text));
                break;
            case JsonValueKind.True:
                EmitScalar(emitter, "true", ScalarStyle.Plain);
                break;
            case JsonValueKind.False:
                EmitScalar(emitter, "false", ScalarStyle.Plain);
                break;
            case JsonValueKind.Number:
                // The JSON text of the number is already valid YAML (int stays int, 0.5 stays 0.5).
                var number = value.TryGetValue<JsonElement>(out var element) ? element.GetRawText() : value.ToJsonString();
                EmitScalar(emitter, number, ScalarStyle.Plain);
                break;
            default:
                EmitScalar(emitter, "null", ScalarStyle.Plain);
                break;
        }
    }

    private static void EmitScalar(IEmitter emitter, string text, ScalarStyle style) =>
        emitter.Emit(new Scalar(null, null, text, style, isPlainImplicit: true, isQuotedImplicit: true));
}
