using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SecureManifests.Tests.Output;

/// <summary>
/// Reads YAML back into JSON the way a YAML 1.2 core-schema reader does (plain scalars resolve to
/// null, bool, int or float; quoted and block scalars are strings), independent of the writer.
/// </summary>
internal static partial class YamlReader
{
    public static List<JsonNode> ReadDocuments(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(d => JsonNode.Parse(ToJson(d.RootNode))!).ToList();
    }

    public static JsonNode ReadSingle(string yaml) => Assert.Single(ReadDocuments(yaml));

    /// <summary>All scalars of a YAML text, with the style the text used.</summary>
    public static List<(string Value, ScalarStyle Style)> Scalars(string yaml)
    {
        var result = new List<(string, ScalarStyle)>();
        var parser = new Parser(new StringReader(yaml));
        while (parser.MoveNext())
        {
            if (parser.Current is YamlDotNet.Core.Events.Scalar scalar)
            {
                result.Add((scalar.Value, scalar.Style));
            }
        }

        return result;
    }

    private static string ToJson(YamlNode node)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    writer.WritePropertyName(((YamlScalarNode)key).Value!);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar when scalar.Style != ScalarStyle.Plain:
                writer.WriteStringValue(scalar.Value);
                break;
            case YamlScalarNode scalar:
                WritePlain(writer, scalar.Value ?? string.Empty);
                break;
        }
    }

    private static void WritePlain(Utf8JsonWriter writer, string text)
    {
        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            writer.WriteNullValue();
        }
        else if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            writer.WriteBooleanValue(text.StartsWith('t') || text.StartsWith('T'));
        }
        else if (IntPattern().IsMatch(text))
        {
            writer.WriteNumberValue(decimal.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }
        else if (FloatPattern().IsMatch(text))
        {
            writer.WriteNumberValue(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }
        else if (SpecialFloatPattern().IsMatch(text))
        {
            // Not representable in JSON: a marker that can never equal an input string.
            writer.WriteStringValue("\0float:" + text);
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }

    [GeneratedRegex("^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$", RegexOptions.CultureInvariant)]
    private static partial Regex SpecialFloatPattern();
}
