using System.Collections.Generic;
using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace SecureManifests.CustomResources;

/// <summary>
/// One node of a CRD version's <c>openAPIV3Schema</c>, with the keywords that shape a type or validate a value.
/// Read from the CRD file and, by the same <see cref="Read"/>, from <see cref="SchemaJson"/>'s compact JSON (JSON is
/// YAML), so there is one reader. Keywords that neither type nor validate a field here (default, example, allOf,
/// anyOf, oneOf, not, x-kubernetes-validations, list and map types, ...) are skipped.
/// </summary>
internal sealed class StructuralSchema
{
    private static readonly StructuralSchemaProperty[] NoProperties = [];
    private static readonly string[] NoStrings = [];

    /// <summary>object, array, string, integer, number or boolean; null when the schema has no type.</summary>
    public string? Type { get; private set; }

    public string? Format { get; private set; }

    public string? Description { get; private set; }

    /// <summary>The properties in the order the file lists them.</summary>
    public IReadOnlyList<StructuralSchemaProperty> Properties { get; private set; } = NoProperties;

    public IReadOnlyList<string> Required { get; private set; } = NoStrings;

    public StructuralSchema? Items { get; private set; }

    /// <summary>The schema of every value of a map (<c>additionalProperties: {schema}</c>), or null.</summary>
    public StructuralSchema? AdditionalProperties { get; private set; }

    /// <summary>The file says <c>additionalProperties: true</c>: any value is allowed, untyped.</summary>
    public bool AdditionalPropertiesAllowed { get; private set; }

    /// <summary>The allowed values, as written (scalars only).</summary>
    public IReadOnlyList<string> Enum { get; private set; } = NoStrings;

    public string? Pattern { get; private set; }

    public double? Minimum { get; private set; }

    public double? Maximum { get; private set; }

    public bool ExclusiveMinimum { get; private set; }

    public bool ExclusiveMaximum { get; private set; }

    public long? MinLength { get; private set; }

    public long? MaxLength { get; private set; }

    public long? MinItems { get; private set; }

    public long? MaxItems { get; private set; }

    public bool Nullable { get; private set; }

    /// <summary><c>x-kubernetes-int-or-string: true</c>.</summary>
    public bool IntOrString { get; private set; }

    /// <summary><c>x-kubernetes-preserve-unknown-fields: true</c>.</summary>
    public bool PreserveUnknownFields { get; private set; }

    /// <summary><c>x-kubernetes-embedded-resource: true</c>: the value is a whole Kubernetes object.</summary>
    public bool EmbeddedResource { get; private set; }

    /// <summary>1-based line of the schema in the file it was read from.</summary>
    public int Line { get; private set; }

    /// <summary>1-based column of the schema in the file it was read from.</summary>
    public int Column { get; private set; }

    /// <summary>The property named <paramref name="name"/>, or null.</summary>
    public StructuralSchema? Property(string name)
    {
        foreach (var property in Properties)
        {
            if (property.Name == name)
            {
                return property.Schema;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="name"/> is one of <see cref="Required"/>.</summary>
    public bool IsRequired(string name)
    {
        foreach (var required in Required)
        {
            if (required == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Reads the schema at <paramref name="node"/>. What cannot be mapped is added to <paramref name="problems"/>
    /// (<see cref="CustomResourceProblemIds.UnsupportedConstruct"/>) and left out of the result; never throws.
    /// </summary>
    public static StructuralSchema Read(YamlNode node, List<CustomResourceProblem> problems) => Read(node, problems, 0);

    /// <summary>
    /// How deep schemas may nest. The deepest CRD in ../shared/crds nests 19 levels (cert-manager's Issuer, Argo's
    /// ClusterAnalysisTemplate); the limit keeps every recursive walk of a schema (JSON writer, emitter, pod-template
    /// search) far from the compiler's stack limit.
    /// </summary>
    public const int MaxDepth = 128;

    private static StructuralSchema Read(YamlNode node, List<CustomResourceProblem> problems, int depth)
    {
        var schema = new StructuralSchema
        {
            Line = LineOf(node),
            Column = ColumnOf(node),
        };
        if (node is not YamlMappingNode mapping)
        {
            problems.Add(Unsupported(node, "a schema must be a mapping"));
            return schema;
        }

        if (depth > MaxDepth)
        {
            problems.Add(Unsupported(node, "the schema nests deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels"));
            return schema;
        }

        foreach (var entry in mapping.Children)
        {
            if (entry.Key is not YamlScalarNode { Value: { } key })
            {
                continue;
            }

            schema.ReadKeyword(key, entry.Value, problems, depth);
        }

        return schema;
    }

    private void ReadKeyword(string key, YamlNode value, List<CustomResourceProblem> problems, int depth)
    {
        switch (key)
        {
            case "type":
                Type = Scalar(value);
                if (Type is not ("object" or "array" or "string" or "integer" or "number" or "boolean"))
                {
                    problems.Add(Unsupported(value, "type '" + Type + "' is not one of object, array, string, integer, number, boolean"));
                    Type = null;
                }

                break;
            case "format":
                Format = Scalar(value);
                break;
            case "description":
                Description = Scalar(value);
                break;
            case "properties":
                Properties = ReadProperties(value, problems, depth);
                break;
            case "required":
                Required = ReadStrings(value, problems, key);
                break;
            case "items":
                if (value is YamlSequenceNode)
                {
                    problems.Add(Unsupported(value, "items as a list of schemas (tuple validation) is not structural"));
                }
                else
                {
                    Items = Read(value, problems, depth + 1);
                }

                break;
            case "additionalProperties":
                if (value is YamlScalarNode)
                {
                    AdditionalPropertiesAllowed = Boolean(value);
                }
                else
                {
                    AdditionalProperties = Read(value, problems, depth + 1);
                }

                break;
            case "enum":
                Enum = ReadStrings(value, problems, key);
                break;
            case "pattern":
                Pattern = Scalar(value);
                break;
            case "minimum":
                Minimum = Number(value, problems);
                break;
            case "maximum":
                Maximum = Number(value, problems);
                break;
            case "exclusiveMinimum":
                ExclusiveMinimum = Boolean(value);
                break;
            case "exclusiveMaximum":
                ExclusiveMaximum = Boolean(value);
                break;
            case "minLength":
                MinLength = Integer(value, problems);
                break;
            case "maxLength":
                MaxLength = Integer(value, problems);
                break;
            case "minItems":
                MinItems = Integer(value, problems);
                break;
            case "maxItems":
                MaxItems = Integer(value, problems);
                break;
            case "nullable":
                Nullable = Boolean(value);
                break;
            case "x-kubernetes-int-or-string":
                IntOrString = Boolean(value);
                break;
            case "x-kubernetes-preserve-unknown-fields":
                PreserveUnknownFields = Boolean(value);
                break;
            case "x-kubernetes-embedded-resource":
                EmbeddedResource = Boolean(value);
                break;
            case "$ref":
                problems.Add(Unsupported(value, "$ref is not allowed in a CRD schema; inline the referenced schema"));
                break;
        }
    }

    private static StructuralSchemaProperty[] ReadProperties(YamlNode value, List<CustomResourceProblem> problems, int depth)
    {
        if (value is not YamlMappingNode mapping)
        {
            problems.Add(Unsupported(value, "properties must be a mapping of names to schemas"));
            return NoProperties;
        }

        var properties = new List<StructuralSchemaProperty>(mapping.Children.Count);
        foreach (var entry in mapping.Children)
        {
            if (entry.Key is YamlScalarNode { Value: { } name })
            {
                properties.Add(new StructuralSchemaProperty(name, Read(entry.Value, problems, depth + 1)));
            }
        }

        return [.. properties];
    }

    private static string[] ReadStrings(YamlNode value, List<CustomResourceProblem> problems, string keyword)
    {
        if (value is not YamlSequenceNode sequence)
        {
            problems.Add(Unsupported(value, keyword + " must be a list"));
            return NoStrings;
        }

        var strings = new List<string>(sequence.Children.Count);
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { } text })
            {
                strings.Add(text);
            }
            else
            {
                problems.Add(Unsupported(item, keyword + " values must be scalars"));
            }
        }

        return [.. strings];
    }

    private static string? Scalar(YamlNode value) => (value as YamlScalarNode)?.Value;

    private static bool Boolean(YamlNode value) =>
        Scalar(value) is { } text && (text == "true" || text == "True" || text == "TRUE");

    private static double? Number(YamlNode value, List<CustomResourceProblem> problems)
    {
        if (Scalar(value) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        problems.Add(Unsupported(value, "expected a number"));
        return null;
    }

    private static long? Integer(YamlNode value, List<CustomResourceProblem> problems)
    {
        if (Scalar(value) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        problems.Add(Unsupported(value, "expected an integer"));
        return null;
    }

    private static CustomResourceProblem Unsupported(YamlNode node, string message) =>
        new(CustomResourceProblemIds.UnsupportedConstruct, LineOf(node), ColumnOf(node), message);

    internal static int LineOf(YamlNode node) => (int)node.Start.Line;

    internal static int ColumnOf(YamlNode node) => (int)node.Start.Column;
}
