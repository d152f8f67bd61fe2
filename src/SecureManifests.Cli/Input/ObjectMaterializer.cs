using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using k8s;
using k8s.Models;
using SecureManifests.Rules;

namespace SecureManifests.Cli.Input;

/// <summary>
/// Deserializes a document tree into KubernetesClient's typed model (or <see cref="GenericKubernetesObject"/>)
/// with KubernetesClient's own serializer options, so IntOrString, ResourceQuantity and date converters
/// apply. A wrong-typed field becomes a problem naming the field path and its position in the YAML. The JSON is also
/// kept as written, for the engine: a typed model drops the field names it does not know (SM2018 reports them).
/// One instance per reader: it reuses its JSON buffer between documents.
/// </summary>
internal sealed class ObjectMaterializer : IDisposable
{
    private readonly ArrayBufferWriter<byte> buffer = new(16 * 1024);
    private readonly Utf8JsonWriter writer;

    public ObjectMaterializer()
    {
        // Relaxed escaping: the JSON is only read back by the deserializer, never embedded anywhere.
        writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true, MaxDepth = 1024 });
    }

    public (IKubernetesObject? Object, JsonElement Written, TreeProblem? Problem) Materialize(MappingTreeNode root, string apiVersion, string kind, bool writeIdentity)
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        JsonTreeWriter.Write(writer, root, writeIdentity ? apiVersion : null, writeIdentity ? kind : null);
        writer.Flush();

        var type = KubernetesTypeMap.Find(apiVersion, kind);
        try
        {
            var value = type is null ? ReadUntyped(apiVersion, kind) : JsonSerializer.Deserialize(buffer.WrittenSpan, ModelJson.Options.GetTypeInfo(type));
            return value is IKubernetesObject obj
                ? (obj, Written(), null)
                : (null, default, new TreeProblem(root.Line, root.Column, "document is empty"));
        }
        catch (JsonException ex)
        {
            return (null, default, DescribeJsonError(root, ex));
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or OverflowException or ArgumentException or NotSupportedException)
        {
            // Thrown by value converters (dates, quantities) without a JSON path: point at the object.
            return (null, default, new TreeProblem(root.Line, root.Column, "invalid value: " + ModelJson.FirstLine(ex.Message)));
        }
    }

    public void Dispose() => writer.Dispose();

    // A kind without a typed model: only its identity is typed, metadata through KubernetesClient's source-generated
    // V1ObjectMeta, so this needs no reflection (the native, AOT-compiled tool has none). Errors keep the document's
    // field path ($.metadata.labels).
    private GenericKubernetesObject ReadUntyped(string apiVersion, string kind)
    {
        var document = Written();
        var untyped = new GenericKubernetesObject { ApiVersion = apiVersion, Kind = kind };
        foreach (var field in document.EnumerateObject())
        {
            if (field.Name == "metadata")
            {
                untyped.Metadata = ReadMetadata(field.Value);
            }
            else if (field.Name is not ("apiVersion" or "kind"))
            {
                untyped.Fields[field.Name] = field.Value;
            }
        }

        return untyped;
    }

    private static V1ObjectMeta ReadMetadata(JsonElement metadata)
    {
        try
        {
            return (V1ObjectMeta?)metadata.Deserialize(ModelJson.Options.GetTypeInfo(typeof(V1ObjectMeta))) ?? new V1ObjectMeta();
        }
        catch (JsonException ex)
        {
            var inner = ex.Path is { Length: > 0 } path && path[0] == '$' ? path[1..] : "";
            throw new JsonException(ex.Message, "$.metadata" + inner, ex.LineNumber, ex.BytePositionInLine, ex);
        }
    }

    // ParseValue copies the bytes into an element of its own: the buffer is reused for the next document.
    private JsonElement Written()
    {
        var reader = new Utf8JsonReader(buffer.WrittenSpan, new JsonReaderOptions { MaxDepth = 1024 });
        return JsonElement.ParseValue(ref reader);
    }

    private static TreeProblem DescribeJsonError(MappingTreeNode root, JsonException ex)
    {
        var segments = FieldPath.Parse(ex.Path ?? "$");
        var location = TreeLocator.Walk(root, segments);
        var path = FieldPath.Format(segments);
        var expected = ModelJson.ExpectedType(ex.Message);
        var found = location.MatchedSegments == segments.Count ? location.Node.Describe() : null;
        if (expected == "an integer" && location.Node is ScalarTreeNode { Type: ScalarType.Integer } && location.MatchedSegments == segments.Count)
        {
            found += " (out of range)";
        }

        var message = $"field {(path.Length == 0 ? "(object)" : path)}: {ModelJson.Problem(ex)}"
            + (expected is null || found is null ? "" : ", found " + found);

        // The value is more precise than the key for a wrong-typed field.
        var line = location.MatchedSegments == segments.Count ? location.Node.Line : location.Line;
        var column = location.MatchedSegments == segments.Count ? location.Node.Column : location.Column;
        return new TreeProblem(line, column, message);
    }
}
