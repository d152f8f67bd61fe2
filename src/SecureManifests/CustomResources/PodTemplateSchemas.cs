using System.Collections.Generic;

namespace SecureManifests.CustomResources;

/// <summary>Where a custom kind's schema holds a pod: the dotted path from the root, and whether it is a whole template.</summary>
internal sealed class PodTemplateSchemaPath
{
    public PodTemplateSchemaPath(string path, bool isTemplate)
    {
        Path = path;
        IsTemplate = isTemplate;
    }

    /// <summary>Property names from the object's root joined by dots, such as <c>spec.template</c>.</summary>
    public string Path { get; }

    /// <summary>True for a pod template (<c>metadata</c> and <c>spec</c>), false for a bare pod spec.</summary>
    public bool IsTemplate { get; }
}

/// <summary>
/// The one test of "this schema node is a pod template / a pod spec", used by the generator (to type such nodes as
/// V1PodTemplateSpec / V1PodSpec), by the engine and by lint (to check the pods of custom kinds). A pod spec is an
/// object that requires <c>containers</c>, a list of objects with <c>name</c> and <c>image</c>: that is how
/// Kubernetes' own PodSpec schema reads, and requiring the list keeps out kinds that merely accept extra containers
/// (Prometheus' and Alertmanager's <c>spec.containers</c>). A pod template is an object with <c>metadata</c> and a
/// <c>spec</c> that is a pod spec.
/// </summary>
internal static class PodTemplateSchemas
{
    /// <summary>
    /// The pod templates and pod specs reachable from <paramref name="root"/> through object properties (not through
    /// list items or map values, which have no fixed path), outermost first, in the file's order.
    /// </summary>
    public static IReadOnlyList<PodTemplateSchemaPath> Find(StructuralSchema root)
    {
        var found = new List<PodTemplateSchemaPath>();
        Walk(root, string.Empty, found);
        return found;
    }

    /// <summary>An object with <c>metadata</c> and a <c>spec</c> that <see cref="IsPodSpec"/>.</summary>
    public static bool IsPodTemplate(StructuralSchema schema) =>
        schema.Property("metadata") is not null && schema.Property("spec") is { } spec && IsPodSpec(spec);

    /// <summary>An object that requires <c>containers</c>, a list of objects with <c>name</c> and <c>image</c> properties.</summary>
    public static bool IsPodSpec(StructuralSchema schema) =>
        schema.IsRequired("containers")
        && schema.Property("containers") is { Type: "array", Items: { } container }
        && container.Property("name") is not null
        && container.Property("image") is not null;

    private static void Walk(StructuralSchema schema, string path, List<PodTemplateSchemaPath> found)
    {
        foreach (var property in schema.Properties)
        {
            var childPath = path.Length == 0 ? property.Name : path + "." + property.Name;
            if (IsPodTemplate(property.Schema))
            {
                found.Add(new PodTemplateSchemaPath(childPath, isTemplate: true));
            }
            else if (IsPodSpec(property.Schema))
            {
                found.Add(new PodTemplateSchemaPath(childPath, isTemplate: false));
            }
            else
            {
                Walk(property.Schema, childPath, found);
            }
        }
    }
}
