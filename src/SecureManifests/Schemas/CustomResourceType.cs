using System.Collections.Concurrent;
using System.Reflection;
using SecureManifests.CustomResources;

namespace SecureManifests.Schemas;

/// <summary>
/// What the SDK knows of a type generated from a CRD, read once per type from its <see cref="CustomResourceAttribute"/>:
/// its scope, its structural schema and the pod templates the schema holds. Types are few and objects many, so the
/// schema is parsed on the first object of a type only.
/// </summary>
internal sealed class CustomResourceType
{
    private static readonly ConcurrentDictionary<Type, CustomResourceType?> Cache = new();

    private CustomResourceType(bool namespaced, StructuralSchema? schema, string? problem)
    {
        Namespaced = namespaced;
        Schema = schema;
        Problem = problem;
        PodTemplates = schema is null ? [] : PodTemplateSchemas.Find(schema);
    }

    /// <summary>Whether objects of the kind live in a namespace.</summary>
    public bool Namespaced { get; }

    /// <summary>The version's structural schema; null when <see cref="Problem"/> says why it cannot be read.</summary>
    public StructuralSchema? Schema { get; }

    /// <summary>Why the attribute's schema cannot be read (a hand-edited or corrupted type), or null.</summary>
    public string? Problem { get; }

    /// <summary>The pod templates and pod specs of the schema, by path.</summary>
    public IReadOnlyList<PodTemplateSchemaPath> PodTemplates { get; }

    /// <summary>The type's description, or null for a type without <see cref="CustomResourceAttribute"/>.</summary>
    public static CustomResourceType? Of(Type type) => Cache.GetOrAdd(type, Read);

    private static CustomResourceType? Read(Type type)
    {
        if (type.GetCustomAttribute<CustomResourceAttribute>(inherit: false) is not { } attribute)
        {
            return null;
        }

        // The generator wrote the schema with SchemaJson.Write; its reader is the one that reads CRD files.
        var problems = new List<CustomResourceProblem>();
        var schema = SchemaJson.Read(attribute.Schema ?? string.Empty, problems);
        return schema is not null && problems.Count == 0
            ? new CustomResourceType(attribute.Namespaced, schema, null)
            : new CustomResourceType(attribute.Namespaced, null,
                $"the [CustomResource] schema of {type.Name} cannot be read: {(problems.Count > 0 ? problems[0].Message : "it is empty")}");
    }
}
