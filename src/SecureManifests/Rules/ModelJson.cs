using System.Text.Json;
using k8s;
using k8s.Models;

namespace SecureManifests.Rules;

/// <summary>
/// How JSON becomes KubernetesClient's typed model, for every reader of the product (lint's reader, the engine's pod
/// templates of untyped kinds): KubernetesClient's own serializer options, so IntOrString, ResourceQuantity and date
/// converters apply, with converter errors that keep the JSON path, and the words that turn a deserializer error into
/// "expected an integer".
/// </summary>
internal static class ModelJson
{
    private static readonly Lazy<JsonSerializerOptions> Shared = new(Create);

    private static readonly Lazy<JsonSerializerOptions> Kubernetes = new(CaptureKubernetesOptions);

    /// <summary>
    /// KubernetesClient's own options, the very instance <see cref="KubernetesJson.Serialize(object, JsonSerializerOptions)"/>
    /// uses: they are private to it, and <see cref="KubernetesJson.AddJsonOptions"/> hands them to a callback that only
    /// reads them.
    /// </summary>
    public static JsonSerializerOptions KubernetesOptions => Kubernetes.Value;

    /// <summary>The options: KubernetesClient's, deep enough for the reader limits, with path-reporting converters.</summary>
    public static JsonSerializerOptions Options => Shared.Value;

    /// <summary>What a deserializer error says is wrong, without its position: "expected an integer", or its first line.</summary>
    public static string Problem(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return ExpectedType(exception.Message) is { } expected
            ? "expected " + expected
            : FirstLine(StripPosition(exception.Message));
    }

    /// <summary>Turns "could not be converted to System.Nullable`1[System.Int32]" into "an integer"; null for other errors.</summary>
    public static string? ExpectedType(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
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

    /// <summary>A deserializer message without the " Path: $.x | LineNumber: ..." it appends.</summary>
    public static string StripPosition(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var at = message.IndexOf(" Path:", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }

    /// <summary>The first line of <paramref name="message"/>: exception texts can span lines, reports cannot.</summary>
    public static string FirstLine(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var newline = message.IndexOfAny(['\r', '\n']);
        return newline < 0 ? message : message[..newline];
    }

    private static JsonSerializerOptions CaptureKubernetesOptions()
    {
        JsonSerializerOptions? shared = null;
        KubernetesJson.AddJsonOptions(options => shared = options);
        return shared ?? throw new InvalidOperationException("KubernetesClient did not hand out its JSON options.");
    }

    private static JsonSerializerOptions Create()
    {
        var shared = KubernetesOptions;

        // A copy keeps every converter and resolver; only the depth cap (64 by default) must follow lint's
        // ReaderLimits.MaxNestingDepth, which its tree builder already enforces. The shared instance is never
        // queried here, so it stays open for other code's AddJsonOptions calls.
        var lookup = new JsonSerializerOptions(shared);
        var options = new JsonSerializerOptions(shared) { MaxDepth = 1024 };
        options.Converters.Insert(0, Wrap<DateTime>(lookup));
        options.Converters.Insert(0, Wrap<DateTimeOffset>(lookup));
        options.Converters.Insert(0, Wrap<TimeSpan>(lookup));
        options.Converters.Insert(0, Wrap<ResourceQuantity>(lookup));
        return options;
    }

    private static PathReportingConverter<T> Wrap<T>(JsonSerializerOptions lookup) =>
        new((System.Text.Json.Serialization.JsonConverter<T>)lookup.GetTypeInfo(typeof(T)).Converter);
}
