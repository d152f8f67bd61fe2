using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;
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
/// The field names of one KubernetesClient model type: the properties System.Text.Json reads it with (their
/// <c>[JsonPropertyName]</c>s) under the options lint and the engine deserialize with, so the schema is exactly what
/// the typed model keeps, as of the Kubernetes version the models were generated from. Scalars, IntOrString and
/// quantities (read by converters) and raw JSON are opaque. Built lazily, once per process: a type's fields are
/// read the first time a document reaches it, and the serializer's metadata for it is usually there already, since
/// deserializing the typed object built it.
/// </summary>
internal sealed partial class ModelSchema
{
    private static readonly ConcurrentDictionary<Type, ModelSchema?> ByType = new();
    private static readonly ConcurrentDictionary<Type, FieldShape> Shapes = new();

    private readonly Lazy<Dictionary<string, Type>> _fields;
    private readonly Lazy<Dictionary<string, Type>.AlternateLookup<ReadOnlySpan<char>>> _bySpan;

    private ModelSchema(JsonTypeInfo info)
    {
        Type = info.Type;
        Name = VersionPrefix().Replace(info.Type.Name, string.Empty);
        _fields = new Lazy<Dictionary<string, Type>>(() => info.Properties.ToDictionary(p => p.Name, p => p.PropertyType, StringComparer.Ordinal));
        _bySpan = new Lazy<Dictionary<string, Type>.AlternateLookup<ReadOnlySpan<char>>>(() => _fields.Value.GetAlternateLookup<ReadOnlySpan<char>>());
    }

    /// <summary>The model type.</summary>
    public Type Type { get; }

    /// <summary>Its Kubernetes name, without the version prefix: <c>Container</c> for <c>V1Container</c>.</summary>
    public string Name { get; }

    /// <summary>Every field, by JSON name, with the type of its property (see <see cref="ShapeOf"/>).</summary>
    public IReadOnlyDictionary<string, Type> Fields => _fields.Value;

    /// <summary>The type of field <paramref name="name"/>, looked up without making a string of the name.</summary>
    public bool TryGetField(ReadOnlySpan<char> name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? type) =>
        _bySpan.Value.TryGetValue(name, out type);

    /// <summary>The schema of <paramref name="type"/>, or null when it is not an object type of the model.</summary>
    public static ModelSchema? For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return ByType.GetOrAdd(type, static t =>
            t.Assembly == typeof(V1Pod).Assembly && !t.ContainsGenericParameters && ModelJson.Options.GetTypeInfo(t) is { Kind: JsonTypeInfoKind.Object } info
                ? new ModelSchema(info)
                : null);
    }

    /// <summary>What a property of type <paramref name="type"/> holds.</summary>
    public static FieldShape ShapeOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Shapes.GetOrAdd(type, static t =>
        {
            if (For(t) is { } model)
            {
                return FieldShape.Of(model);
            }

            var info = ModelJson.Options.GetTypeInfo(t);
            return info.Kind switch
            {
                JsonTypeInfoKind.Enumerable => FieldShape.ListOf(ShapeOf(info.ElementType!)),
                JsonTypeInfoKind.Dictionary => FieldShape.MapOf(ShapeOf(info.ElementType!)),
                _ => FieldShape.Opaque,
            };
        });
    }

    [GeneratedRegex("^V[0-9]+((alpha|beta)[0-9]+)?")]
    private static partial Regex VersionPrefix();
}
