using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SecureManifests.CustomResources;

namespace SecureManifests.Schemas;

/// <summary>
/// Checks an object's JSON, as it will be written, against its CRD's structural schema with the keywords the API
/// server would reject it by: <c>required</c>, <c>enum</c>, <c>pattern</c>, <c>minimum</c>/<c>maximum</c> (and their
/// exclusive forms), <c>minLength</c>/<c>maxLength</c> and <c>minItems</c>/<c>maxItems</c>. Types are the C# types'
/// business, and CEL rules (<c>x-kubernetes-validations</c>) the cluster's. Walks properties in the schema's order, so
/// the first problem is always the same one.
/// </summary>
internal static class StructuralSchemaValidator
{
    private static readonly ConcurrentDictionary<string, Regex?> Patterns = new(StringComparer.Ordinal);

    /// <summary>The first field of <paramref name="value"/> that breaks <paramref name="schema"/> and why, or null.</summary>
    public static (string Field, string Problem)? FirstProblem(StructuralSchema schema, JsonElement value) => Check(schema, value, string.Empty);

    private static (string Field, string Problem)? Check(StructuralSchema schema, JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.Object => CheckObject(schema, value, path),
        JsonValueKind.Array => CheckArray(schema, value, path),
        JsonValueKind.String => CheckString(schema, value.GetString()!, path),
        JsonValueKind.Number => CheckNumber(schema, value, path),
        JsonValueKind.True or JsonValueKind.False => CheckEnum(schema, value.ValueKind == JsonValueKind.True ? "true" : "false", path),
        _ => null,
    };

    private static (string, string)? CheckObject(StructuralSchema schema, JsonElement value, string path)
    {
        foreach (var name in schema.Required)
        {
            // The writer leaves nulls out, so a null the object still holds is as good as absent.
            if (!value.TryGetProperty(name, out var field) || field.ValueKind == JsonValueKind.Null)
            {
                return (Join(path, name), "required by the CRD schema, but not set");
            }
        }

        foreach (var property in schema.Properties)
        {
            if (value.TryGetProperty(property.Name, out var field) && Check(property.Schema, field, Join(path, property.Name)) is { } problem)
            {
                return problem;
            }
        }

        if (schema.AdditionalProperties is { } values)
        {
            foreach (var entry in value.EnumerateObject())
            {
                if (schema.Property(entry.Name) is null && Check(values, entry.Value, $"{path}[{entry.Name}]") is { } problem)
                {
                    return problem;
                }
            }
        }

        return null;
    }

    private static (string, string)? CheckArray(StructuralSchema schema, JsonElement value, string path)
    {
        var count = value.GetArrayLength();
        if (schema.MinItems is { } min && count < min)
        {
            return (path, Invariant($"{count} items; the CRD schema requires at least {min}"));
        }

        if (schema.MaxItems is { } max && count > max)
        {
            return (path, Invariant($"{count} items; the CRD schema allows at most {max}"));
        }

        if (schema.Items is { } items)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (Check(items, item, Invariant($"{path}[{index++}]")) is { } problem)
                {
                    return problem;
                }
            }
        }

        return null;
    }

    private static (string, string)? CheckString(StructuralSchema schema, string value, string path)
    {
        if (CheckEnum(schema, value, path) is { } problem)
        {
            return problem;
        }

        // The API server counts characters (runes), not UTF-16 units.
        var length = value.EnumerateRunes().Count();
        if (schema.MinLength is { } min && length < min)
        {
            return (path, Invariant($"'{value}' is {length} characters long; the CRD schema requires at least {min}"));
        }

        if (schema.MaxLength is { } max && length > max)
        {
            return (path, Invariant($"'{value}' is {length} characters long; the CRD schema allows at most {max}"));
        }

        return schema.Pattern is { } pattern && PatternOf(pattern) is { } regex && !regex.IsMatch(value)
            ? (path, $"'{value}' does not match the CRD schema's pattern {pattern}")
            : null;
    }

    private static (string, string)? CheckNumber(StructuralSchema schema, JsonElement value, string path)
    {
        var text = value.GetRawText();
        if (CheckEnum(schema, text, path) is { } problem)
        {
            return problem;
        }

        var number = value.GetDouble();
        if (schema.Minimum is { } min && (schema.ExclusiveMinimum ? number <= min : number < min))
        {
            return (path, $"{text} is {(schema.ExclusiveMinimum ? "not above" : "below")} the CRD schema's minimum {Format(min)}");
        }

        if (schema.Maximum is { } max && (schema.ExclusiveMaximum ? number >= max : number > max))
        {
            return (path, $"{text} is {(schema.ExclusiveMaximum ? "not below" : "above")} the CRD schema's maximum {Format(max)}");
        }

        return null;
    }

    private static (string, string)? CheckEnum(StructuralSchema schema, string value, string path) =>
        schema.Enum.Count == 0 || schema.Enum.Contains(value, StringComparer.Ordinal)
            ? null
            : (path, $"'{value}' is not one of the values the CRD schema allows: {string.Join(", ", schema.Enum)}");

    /// <summary>
    /// The compiled pattern, or null for one .NET cannot read (the API server uses Go's RE2, and what .NET refuses here
    /// is left to it rather than guessed at). Compiled once per pattern.
    /// </summary>
    private static Regex? PatternOf(string pattern) => Patterns.GetOrAdd(pattern, static p =>
    {
        try
        {
            return new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return null;
        }
    });

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static string Format(double number) => number.ToString("R", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
