using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace SecureManifests.Cli.Input;

/// <summary>
/// Deserializes a document tree into KubernetesClient's typed model (or <see cref="GenericKubernetesObject"/>)
/// with KubernetesClient's own serializer options, so IntOrString, ResourceQuantity and date converters
/// apply. A wrong-typed field becomes a problem naming the field path and its position in the YAML.
/// One instance per reader: it reuses its JSON buffer between documents.
/// </summary>
internal sealed class ObjectMaterializer : IDisposable
{
    private static readonly Lazy<JsonSerializerOptions> Options = new(CreateOptions);

    private readonly ArrayBufferWriter<byte> buffer = new(16 * 1024);
    private readonly Utf8JsonWriter writer;

    public ObjectMaterializer()
    {
        // Relaxed escaping: the JSON is only read back by the deserializer, never embedded anywhere.
        writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true, MaxDepth = 1024 });
    }

    public (IKubernetesObject? Object, TreeProblem? Problem) Materialize(MappingTreeNode root, string apiVersion, string kind, bool writeIdentity)
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        JsonTreeWriter.Write(writer, root, writeIdentity ? apiVersion : null, writeIdentity ? kind : null);
        writer.Flush();

        var type = KubernetesTypeMap.Find(apiVersion, kind) ?? typeof(GenericKubernetesObject);
        var typeInfo = Options.Value.GetTypeInfo(type);
        try
        {
            var value = JsonSerializer.Deserialize(buffer.WrittenSpan, typeInfo);
            return value is IKubernetesObject obj
                ? (obj, null)
                : (null, new TreeProblem(root.Line, root.Column, "document is empty"));
        }
        catch (JsonException ex)
        {
            return (null, DescribeJsonError(root, ex));
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or OverflowException or ArgumentException or NotSupportedException)
        {
            // Thrown by value converters (dates, quantities) without a JSON path: point at the object.
            return (null, new TreeProblem(root.Line, root.Column, "invalid value: " + FirstLine(ex.Message)));
        }
    }

    public void Dispose() => writer.Dispose();

    private static JsonSerializerOptions CreateOptions()
    {
        JsonSerializerOptions? shared = null;
        KubernetesJson.AddJsonOptions(options => shared = options);

        // A copy keeps every converter and resolver; only the depth cap (64 by default) must follow
        // ReaderLimits.MaxNestingDepth, which the tree builder already enforces. The shared instance
        // is never queried here, so it stays open for other code's AddJsonOptions calls.
        var lookup = new JsonSerializerOptions(shared!);
        var options = new JsonSerializerOptions(shared!) { MaxDepth = 1024 };
        options.Converters.Insert(0, Wrap<DateTime>(lookup));
        options.Converters.Insert(0, Wrap<DateTimeOffset>(lookup));
        options.Converters.Insert(0, Wrap<TimeSpan>(lookup));
        options.Converters.Insert(0, Wrap<ResourceQuantity>(lookup));
        return options;
    }

    private static PathReportingConverter<T> Wrap<T>(JsonSerializerOptions lookup) =>
        new((JsonConverter<T>)lookup.GetConverter(typeof(T)));

    private static TreeProblem DescribeJsonError(MappingTreeNode root, JsonException ex)
    {
        var segments = FieldPath.Parse(ex.Path ?? "$");
        var location = TreeLocator.Walk(root, segments);
        var path = FieldPath.Format(segments);
        var expected = ExpectedType(ex.Message);
        var found = location.MatchedSegments == segments.Count ? location.Node.Describe() : null;
        if (expected == "an integer" && location.Node is ScalarTreeNode { Type: ScalarType.Integer } && location.MatchedSegments == segments.Count)
        {
            found += " (out of range)";
        }

        var message = expected is not null
            ? $"field {(path.Length == 0 ? "(object)" : path)}: expected {expected}" + (found is null ? "" : ", found " + found)
            : $"field {(path.Length == 0 ? "(object)" : path)}: {FirstLine(StripJsonPosition(ex.Message))}";

        // The value is more precise than the key for a wrong-typed field.
        var line = location.MatchedSegments == segments.Count ? location.Node.Line : location.Line;
        var column = location.MatchedSegments == segments.Count ? location.Node.Column : location.Column;
        return new TreeProblem(line, column, message);
    }

    /// <summary>Turns "could not be converted to System.Nullable`1[System.Int32]" into "an integer".</summary>
    private static string? ExpectedType(string message)
    {
        const string Marker = "could not be converted to ";
        var at = message.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var start = at + Marker.Length;
        var end = message.IndexOf(". Path:", start, StringComparison.Ordinal);
        var typeName = end < 0 ? message[start..] : message[start..end];
        return typeName switch
        {
            _ when typeName.Contains("IntOrString", StringComparison.Ordinal) => "an integer or a string",
            _ when typeName.Contains("ResourceQuantity", StringComparison.Ordinal) => "a quantity (such as 100m or 1Gi)",
            _ when typeName.Contains("Int32", StringComparison.Ordinal) || typeName.Contains("Int64", StringComparison.Ordinal) => "an integer",
            _ when typeName.Contains("Boolean", StringComparison.Ordinal) => "a boolean (true or false)",
            _ when typeName.Contains("Double", StringComparison.Ordinal) || typeName.Contains("Decimal", StringComparison.Ordinal) => "a number",
            _ when typeName.Contains("DateTime", StringComparison.Ordinal) => "a timestamp",
            _ when typeName.Contains("Dictionary", StringComparison.Ordinal) => "a mapping",
            _ when typeName.Contains("IList", StringComparison.Ordinal) || typeName.Contains("List`", StringComparison.Ordinal) => "a list",
            _ when typeName.Contains("System.String", StringComparison.Ordinal) => "a string",
            _ when typeName.StartsWith("k8s.Models.", StringComparison.Ordinal) => "a mapping (" + typeName["k8s.Models.".Length..] + ")",
            _ => typeName,
        };
    }

    private static string StripJsonPosition(string message)
    {
        var at = message.IndexOf(" Path:", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOfAny(['\r', '\n']);
        return newline < 0 ? message : message[..newline];
    }
}
