using System.Text.Json;
using k8s;
using k8s.Models;

namespace SecureManifests.Rules;

/// <summary>
/// Reads the pod of an object without a typed model (lint's generic objects, the SDK's <c>CustomObject</c>, any
/// user type) from its JSON at the <see cref="PodTemplateKind"/>'s path, into KubernetesClient's own pod types, so every
/// check sees it as it sees a Deployment's. Once per object: the engine keeps the result in the object's
/// <see cref="RuleTarget"/>.
/// </summary>
internal static class PodTemplateReader
{
    /// <summary>
    /// The pod of <paramref name="obj"/>, read from <paramref name="source"/> (the object as written, when the caller
    /// has it) or else from the object serialized; null when the path is absent or null (a Rollout with
    /// <c>spec.workloadRef</c> has no template).
    /// </summary>
    /// <exception cref="PodTemplateException">Something other than a pod template is at the path.</exception>
    public static PodSpecLocation? Read(IKubernetesObject obj, PodTemplateKind kind, JsonElement? source, string objectReference)
    {
        var root = source ?? JsonSerializer.SerializeToElement(obj, ModelJson.Options.GetTypeInfo(obj.GetType()));
        var node = root;
        var walked = string.Empty;
        foreach (var segment in kind.Path.Split('.'))
        {
            if (node.ValueKind != JsonValueKind.Object)
            {
                throw new PodTemplateException(objectReference, walked, $"expected a mapping that leads to the pod template at {kind.Path}");
            }

            walked = walked.Length == 0 ? segment : walked + "." + segment;
            if (!node.TryGetProperty(segment, out node) || node.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
        }

        if (node.ValueKind != JsonValueKind.Object)
        {
            throw new PodTemplateException(objectReference, kind.Path,
                $"expected a mapping ({(kind.Shape == PodTemplateShape.Template ? "a pod template" : "a pod spec")})");
        }

        try
        {
            if (kind.Shape == PodTemplateShape.PodSpec)
            {
                var spec = (V1PodSpec?)node.Deserialize(ModelJson.Options.GetTypeInfo(typeof(V1PodSpec)));
                return new PodSpecLocation(spec, kind.PodSpecPath, null, kind.PodMetadataPath);
            }

            var template = (V1PodTemplateSpec?)node.Deserialize(ModelJson.Options.GetTypeInfo(typeof(V1PodTemplateSpec)));
            return new PodSpecLocation(template?.Spec, kind.PodSpecPath, template?.Metadata, kind.PodMetadataPath);
        }
        catch (JsonException ex)
        {
            // The serializer's path is relative to the template: "$.spec.containers[0]" (or "$['a.b']") follows on.
            throw new PodTemplateException(objectReference, kind.Path + (ex.Path ?? "$").TrimStart('$'), ModelJson.Problem(ex));
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or OverflowException or ArgumentException or NotSupportedException)
        {
            // Thrown by value converters without a JSON path: the template is the nearest field known.
            throw new PodTemplateException(objectReference, kind.Path, "invalid value: " + ModelJson.FirstLine(ex.Message));
        }
    }
}
