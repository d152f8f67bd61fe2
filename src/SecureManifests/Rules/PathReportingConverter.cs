using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureManifests.Rules;

/// <summary>
/// Wraps a value converter (dates, quantities) whose parse errors are plain exceptions, which
/// System.Text.Json passes through without the JSON path. Rethrown as <see cref="JsonException"/>,
/// the serializer records the path, so the error can name the field and its line.
/// </summary>
internal sealed class PathReportingConverter<T>(JsonConverter<T> inner) : JsonConverter<T>
{
    public override bool HandleNull => inner.HandleNull;

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return inner.Read(ref reader, typeToConvert, options);
        }
        catch (Exception ex) when (ex is not JsonException and not OutOfMemoryException)
        {
            throw new JsonException("invalid value: " + ex.Message, ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        inner.Write(writer, value, options);
}
