using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using k8s.Models;

namespace SecureManifests.Rules.Schema;

/// <summary>
/// What a field of KubernetesClient's model holds: an object of a model type (whose field names are known), a list or a
/// map of some shape, or a value this schema does not look into (a scalar, IntOrString, a quantity, raw JSON).
/// </summary>
internal sealed class FieldShape
{
    /// <summary>A value whose inside is not checked.</summary>
    public static readonly FieldShape Opaque = new(null, null, null);

    private FieldShape(ModelSchema? model, FieldShape? items, FieldShape? values)
    {
        Model = model;
        Items = items;
        Values = values;
    }

    /// <summary>The model type of an object value.</summary>
    public ModelSchema? Model { get; }

    /// <summary>The shape of each item of a list.</summary>
    public FieldShape? Items { get; }

    /// <summary>The shape of each value of a map (its keys are free).</summary>
    public FieldShape? Values { get; }

    public static FieldShape Of(ModelSchema model) => new(model, null, null);

    public static FieldShape ListOf(FieldShape items) => items == Opaque ? Opaque : new(null, items, null);

    public static FieldShape MapOf(FieldShape values) => values == Opaque ? Opaque : new(null, null, values);
}

/// <summary>
/// The field names of one KubernetesClient model type, from its properties' <see cref="JsonPropertyNameAttribute"/>s:
/// the schema the API server decodes that type with, as of the Kubernetes version the models were generated from.
/// The index is built lazily, once per process: a type's fields are read by reflection the first time a document
/// reaches that type, so lint pays only for the types its input uses.
/// </summary>
internal sealed partial class ModelSchema
{
    private static readonly ConcurrentDictionary<Type, ModelSchema?> ByType = new();

    private readonly Lazy<Dictionary<string, FieldShape>> _fields;

    private ModelSchema(Type type)
    {
        Type = type;
        Name = VersionPrefix().Replace(type.Name, string.Empty);
        _fields = new Lazy<Dictionary<string, FieldShape>>(() => ReadFields(type));
    }

    /// <summary>The model type.</summary>
    public Type Type { get; }

    /// <summary>Its Kubernetes name, without the version prefix: <c>Container</c> for <c>V1Container</c>.</summary>
    public string Name { get; }

    /// <summary>Every field, by JSON name.</summary>
    public IReadOnlyDictionary<string, FieldShape> Fields => _fields.Value;

    /// <summary>The schema of <paramref name="type"/>, or null when it is not an object type of the model.</summary>
    public static ModelSchema? For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return ByType.GetOrAdd(type, static t => IsModelObject(t) ? new ModelSchema(t) : null);
    }

    /// <summary>The shape of a property of type <paramref name="type"/>.</summary>
    public static FieldShape ShapeOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (Nullable.GetUnderlyingType(type) is not null || type == typeof(string) || type == typeof(byte[]))
        {
            return FieldShape.Opaque;
        }

        if (type.IsArray)
        {
            return FieldShape.ListOf(ShapeOf(type.GetElementType()!));
        }

        if (type.IsGenericType)
        {
            var arguments = type.GetGenericArguments();
            var definition = type.GetGenericTypeDefinition();
            if (arguments.Length == 2 && arguments[0] == typeof(string) && IsDictionary(definition))
            {
                return FieldShape.MapOf(ShapeOf(arguments[1]));
            }

            if (arguments.Length == 1 && IsList(definition))
            {
                return FieldShape.ListOf(ShapeOf(arguments[0]));
            }

            return FieldShape.Opaque;
        }

        return For(type) is { } model ? FieldShape.Of(model) : FieldShape.Opaque;
    }

    // An object of the model: a k8s.Models class with JSON properties and no converter of its own (IntOrString and
    // ResourceQuantity are read by converters from scalars, so their properties are no fields).
    private static bool IsModelObject(Type type) =>
        type.IsClass && type.Namespace == typeof(V1Pod).Namespace && type.Assembly == typeof(V1Pod).Assembly
        && type.GetCustomAttribute<JsonConverterAttribute>() is null
        && type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() is not null);

    private static bool IsDictionary(Type definition) =>
        definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>) || definition == typeof(IReadOnlyDictionary<,>);

    private static bool IsList(Type definition) =>
        definition == typeof(IList<>) || definition == typeof(List<>) || definition == typeof(ICollection<>)
        || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>);

    private static Dictionary<string, FieldShape> ReadFields(Type type)
    {
        var fields = new Dictionary<string, FieldShape>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonPropertyNameAttribute>() is { } json && property.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            {
                fields[json.Name] = ShapeOf(property.PropertyType);
            }
        }

        return fields;
    }

    [GeneratedRegex("^V[0-9]+((alpha|beta)[0-9]+)?")]
    private static partial Regex VersionPrefix();
}
