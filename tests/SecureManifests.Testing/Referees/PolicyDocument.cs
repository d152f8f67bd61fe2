using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SecureManifests.Tests.Referees;

/// <summary>
/// Reads a policy or binding written as YAML or JSON into a JSON tree, resolving plain scalars with the YAML 1.2 core
/// schema (null, bools, ints, floats; anything quoted is a string), so every engine judges the same document.
/// </summary>
internal static class PolicyDocument
{
    public const string PolicyKind = "ValidatingAdmissionPolicy";
    public const string BindingKind = "ValidatingAdmissionPolicyBinding";

    /// <summary>Exactly one document of <paramref name="kind"/>.</summary>
    public static JsonObject Parse(string text, string kind = PolicyKind)
    {
        var documents = ParseAll(text);
        if (documents.Count != 1 || documents[0]["kind"]?.GetValue<string>() != kind)
        {
            throw new InvalidOperationException($"The admission referee's {Describe(kind)} must be exactly one {kind}.");
        }

        return documents[0];
    }

    /// <summary>Every document of a YAML stream; each must be a mapping.</summary>
    public static IReadOnlyList<JsonObject> ParseAll(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new InvalidOperationException("The admission referee's policy is not YAML: " + e.Message, e);
        }

        return stream.Documents
            .Select(d => Convert(d.RootNode) as JsonObject ?? throw new InvalidOperationException("The admission referee's documents must be mappings."))
            .ToList();
    }

    private static string Describe(string kind) => kind == BindingKind ? "binding" : "policy";

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p =>
            KeyValuePair.Create(((YamlScalarNode)p.Key).Value ?? "", Convert(p.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidOperationException("The admission referee's policy uses an unsupported YAML node: " + node.NodeType),
    };

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(value);
        }

        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
            _ when char.IsAsciiDigit(value[^1]) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) => JsonValue.Create(real),
            _ => JsonValue.Create(value),
        };
    }
}
