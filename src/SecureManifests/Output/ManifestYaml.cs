using System.Globalization;
using System.Text.Json;
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
        using var json = ToDocument(obj);
        ManifestDocumentWriter.Write(json.RootElement, writer);
    }

    /// <summary>The object's JSON as KubernetesClient serializes it; the caller disposes it.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="label">How messages name the object; defaults to <see cref="Describe"/>. Called only for a message.</param>
    /// <exception cref="ManifestOutputException">The object cannot be serialized, or not to a JSON object.</exception>
    internal static JsonDocument ToDocument(IKubernetesObject obj, Func<string>? label = null)
    {
        ArgumentNullException.ThrowIfNull(obj);
        JsonDocument json;
        try
        {
            json = JsonSerializer.SerializeToDocument(obj, Rules.ModelJson.KubernetesOptions.GetTypeInfo(obj.GetType()));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ManifestOutputException(
                $"{label?.Invoke() ?? Describe(obj)} cannot be serialized to JSON: {ex.Message} Fix the object's fields and run again.", ex);
        }

        if (json.RootElement.ValueKind != JsonValueKind.Object)
        {
            json.Dispose();
            throw new ManifestOutputException(
                $"{label?.Invoke() ?? Describe(obj)} does not serialize to a JSON object; only Kubernetes objects can be written.");
        }

        return json;
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
