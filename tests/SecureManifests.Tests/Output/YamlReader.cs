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
/// A plain scalar that a YAML 1.1 reader (go-yaml v2, PyYAML) would resolve to a non-string is read
/// as a marker that never equals the input, so round trips also prove YAML 1.1 safety.
/// </summary>
internal static partial class YamlReader
{
    /// <param name="yaml">The YAML text.</param>
    /// <param name="yaml11Safe">Also require every plain scalar to be safe for YAML 1.1 readers; off for
    /// text written by other tools (kubectl's YAML 1.2 writer leaves "1.2.3" plain).</param>
    public static List<JsonNode> ReadDocuments(string yaml, bool yaml11Safe = true)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(d => JsonNode.Parse(ToJson(d.RootNode, yaml11Safe))!).ToList();
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

    private static string ToJson(YamlNode node, bool yaml11Safe)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node, yaml11Safe);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node, bool yaml11Safe)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    writer.WritePropertyName(((YamlScalarNode)key).Value!);
                    Write(writer, value, yaml11Safe);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    Write(writer, item, yaml11Safe);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar when scalar.Style != ScalarStyle.Plain:
                writer.WriteStringValue(scalar.Value);
                break;
            case YamlScalarNode scalar:
                WritePlain(writer, scalar.Value ?? string.Empty, yaml11Safe);
                break;
        }
    }

    private static void WritePlain(Utf8JsonWriter writer, string text, bool yaml11Safe)
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
        else if (yaml11Safe && Yaml11NonString().IsMatch(text))
        {
            writer.WriteStringValue("\0yaml1.1:" + text);
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

    // The implicit types of the YAML 1.1 type repository (bool, null, int, float, timestamp, merge, value).
    [GeneratedRegex(
        @"^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$" +
        @"|^(~|null|Null|NULL)$" +
        @"|^[-+]?0b[0-1_]+$|^[-+]?0[0-7_]+$|^[-+]?(0|[1-9][0-9_]*)$|^[-+]?0x[0-9a-fA-F_]+$|^[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+$" +
        @"|^[-+]?([0-9][0-9_]*)?\.[0-9.]*([eE][-+][0-9]+)?$|^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*$" +
        @"|^[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?([Tt]|[ \t]+|$)" +
        @"|^(<<|=)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Yaml11NonString();

    [GeneratedRegex(@"^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$", RegexOptions.CultureInvariant)]
    private static partial Regex SpecialFloatPattern();
}
