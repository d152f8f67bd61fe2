using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace SecureManifests.Output;

/// <summary>
/// Writes one Kubernetes object as one deterministic YAML document: fixed key order, no null or
/// meaningless empty fields, and scalars quoted exactly when a YAML reader would otherwise misread them.
/// </summary>
internal static class ManifestYaml
{
    /// <summary>Returns the object as one YAML document (LF line endings, final newline, no header, no <c>---</c>).</summary>
    /// <exception cref="ManifestOutputException">The object cannot be serialized.</exception>
    public static string Serialize(IKubernetesObject obj)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(obj, writer);
        return writer.ToString();
    }

    /// <summary>Writes the object as one YAML document to <paramref name="writer"/>.</summary>
    /// <exception cref="ManifestOutputException">The object cannot be serialized.</exception>
    public static void Write(IKubernetesObject obj, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ManifestDocumentWriter.Write(ToJson(obj), writer);
    }

    /// <summary>The object's JSON tree as KubernetesClient serializes it (IntOrString, quantities, no nulls).</summary>
    /// <param name="obj">The object.</param>
    /// <param name="label">How messages name the object; defaults to <see cref="Describe"/>.</param>
    internal static JsonObject ToJson(IKubernetesObject obj, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(obj);
        string json;
        try
        {
            json = KubernetesJson.Serialize(obj);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ManifestOutputException(
                $"{label ?? Describe(obj)} cannot be serialized to JSON: {ex.Message} Fix the object's fields and run again.", ex);
        }

        return JsonNode.Parse(json) as JsonObject
               ?? throw new ManifestOutputException(
                   $"{label ?? Describe(obj)} does not serialize to a JSON object; only Kubernetes objects can be written.");
    }

    /// <summary><c>Kind namespace/name</c> for messages, from the typed object (before it is serialized).</summary>
    internal static string Describe(IKubernetesObject obj)
    {
        var kind = string.IsNullOrEmpty(obj.Kind) ? obj.GetType().Name : obj.Kind;
        var metadata = (obj as IMetadata<V1ObjectMeta>)?.Metadata;
        if (metadata is null)
        {
            return kind;
        }

        return string.IsNullOrEmpty(metadata.NamespaceProperty)
            ? $"{kind} {metadata.Name}"
            : $"{kind} {metadata.NamespaceProperty}/{metadata.Name}";
    }
}
