using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SecureManifests.CustomResources;

/// <summary>
/// A <see cref="StructuralSchema"/> as compact, deterministic JSON with the validation keywords only (no descriptions),
/// for the <c>CustomResourceAttribute</c> of a generated type; <see cref="StructuralSchema.Read"/> reads it back (JSON is YAML).
/// Keywords come in one fixed order, properties in the schema's order.
/// </summary>
internal static class SchemaJson
{
    /// <summary>
    /// Reads what <see cref="Write"/> wrote (JSON is YAML) with <see cref="StructuralSchema.Read"/>, the reader of CRD files:
    /// one reader for both. Never throws; a syntax error is a <see cref="CustomResourceProblemIds.MalformedYaml"/> problem.
    /// </summary>
    public static StructuralSchema? Read(string json, List<CustomResourceProblem> problems)
    {
        if (CustomResourceDefinitionReader.Load(json, "the schema JSON", problems) is not { } stream)
        {
            return null;
        }

        return stream.Documents.Count == 0 ? null : StructuralSchema.Read(stream.Documents[0].RootNode, problems);
    }

    public static string Write(StructuralSchema schema)
    {
        var json = new StringBuilder(1024);
        Write(schema, json);
        return json.ToString();
    }

    private static void Write(StructuralSchema schema, StringBuilder json)
    {
        json.Append('{');
        var first = true;
        if (schema.Type is { } type)
        {
            Key(json, "type", ref first);
            String(json, type);
        }

        if (schema.Format is { } format)
        {
            Key(json, "format", ref first);
            String(json, format);
        }

        if (schema.Properties.Count > 0)
        {
            Key(json, "properties", ref first);
            json.Append('{');
            for (var i = 0; i < schema.Properties.Count; i++)
            {
                if (i > 0)
                {
                    json.Append(',');
                }

                String(json, schema.Properties[i].Name);
                json.Append(':');
                Write(schema.Properties[i].Schema, json);
            }

            json.Append('}');
        }

        if (schema.Required.Count > 0)
        {
            Key(json, "required", ref first);
            Strings(json, schema.Required, quoteAll: true);
        }

        if (schema.Items is { } items)
        {
            Key(json, "items", ref first);
            Write(items, json);
        }

        if (schema.AdditionalProperties is { } additional)
        {
            Key(json, "additionalProperties", ref first);
            Write(additional, json);
        }
        else if (schema.AdditionalPropertiesAllowed)
        {
            Key(json, "additionalProperties", ref first);
            json.Append("true");
        }

        if (schema.Enum.Count > 0)
        {
            Key(json, "enum", ref first);
            Strings(json, schema.Enum, quoteAll: schema.Type is "string" or null);
        }

        if (schema.Pattern is { } pattern)
        {
            Key(json, "pattern", ref first);
            String(json, pattern);
        }

        Number(json, "minimum", schema.Minimum, ref first);
        Number(json, "maximum", schema.Maximum, ref first);
        Flag(json, "exclusiveMinimum", schema.ExclusiveMinimum, ref first);
        Flag(json, "exclusiveMaximum", schema.ExclusiveMaximum, ref first);
        Integer(json, "minLength", schema.MinLength, ref first);
        Integer(json, "maxLength", schema.MaxLength, ref first);
        Integer(json, "minItems", schema.MinItems, ref first);
        Integer(json, "maxItems", schema.MaxItems, ref first);
        Flag(json, "nullable", schema.Nullable, ref first);
        Flag(json, "x-kubernetes-int-or-string", schema.IntOrString, ref first);
        Flag(json, "x-kubernetes-preserve-unknown-fields", schema.PreserveUnknownFields, ref first);
        Flag(json, "x-kubernetes-embedded-resource", schema.EmbeddedResource, ref first);
        json.Append('}');
    }

    private static void Key(StringBuilder json, string key, ref bool first)
    {
        if (!first)
        {
            json.Append(',');
        }

        first = false;
        json.Append('"').Append(key).Append("\":");
    }

    private static void Flag(StringBuilder json, string key, bool value, ref bool first)
    {
        if (value)
        {
            Key(json, key, ref first);
            json.Append("true");
        }
    }

    private static void Number(StringBuilder json, string key, double? value, ref bool first)
    {
        if (value is { } number)
        {
            Key(json, key, ref first);
            json.Append(number.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    private static void Integer(StringBuilder json, string key, long? value, ref bool first)
    {
        if (value is { } number)
        {
            Key(json, key, ref first);
            json.Append(number.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Values of a non-string enum stay bare when they are JSON literals (numbers, true, false), so 1 stays a number.</summary>
    private static void Strings(StringBuilder json, IReadOnlyList<string> values, bool quoteAll)
    {
        json.Append('[');
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            if (!quoteAll && IsJsonLiteral(values[i]))
            {
                json.Append(values[i]);
            }
            else
            {
                String(json, values[i]);
            }
        }

        json.Append(']');
    }

    private static bool IsJsonLiteral(string value) => value is "true" or "false" || IsJsonNumber(value);

    /// <summary>JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
    private static bool IsJsonNumber(string value)
    {
        var i = 0;
        if (i < value.Length && value[i] == '-')
        {
            i++;
        }

        if (i < value.Length && value[i] == '0')
        {
            i++;
        }
        else if (!Digits(value, ref i))
        {
            return false;
        }

        if (i < value.Length && value[i] == '.')
        {
            i++;
            if (!Digits(value, ref i))
            {
                return false;
            }
        }

        if (i < value.Length && (value[i] == 'e' || value[i] == 'E'))
        {
            i++;
            if (i < value.Length && (value[i] == '+' || value[i] == '-'))
            {
                i++;
            }

            if (!Digits(value, ref i))
            {
                return false;
            }
        }

        return i == value.Length;
    }

    private static bool Digits(string value, ref int i)
    {
        var start = i;
        while (i < value.Length && value[i] >= '0' && value[i] <= '9')
        {
            i++;
        }

        return i > start;
    }

    /// <summary>A JSON string that YAML reads the same way: YAML's double-quoted escapes include JSON's, except \/, never written.</summary>
    private static void String(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    json.Append("\\\"");
                    break;
                case '\\':
                    json.Append("\\\\");
                    break;
                case '\n':
                    json.Append("\\n");
                    break;
                case '\t':
                    json.Append("\\t");
                    break;
                case '\r':
                    json.Append("\\r");
                    break;
                default:
                    if (c < ' ' || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF')
                    {
                        json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        json.Append(c);
                    }

                    break;
            }
        }

        json.Append('"');
    }
}
