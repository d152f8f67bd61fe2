using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace SecureManifests.Model;

/// <summary>
/// An instance of a custom resource (or any kind KubernetesClient has no model for). Its body is free-form JSON;
/// add it with <see cref="App.Add{T}"/> or <see cref="Namespace.Add{T}"/> and it is written and checked with the rest.
/// </summary>
public sealed class CustomObject : IKubernetesObject<V1ObjectMeta>
{
    public CustomObject(string apiVersion, string kind, string name)
    {
        Arguments.NotNull(apiVersion, nameof(CustomObject), member: "new CustomObject");
        Arguments.NotNull(kind, nameof(CustomObject), member: "new CustomObject");
        Arguments.NotNull(name, nameof(CustomObject), member: "new CustomObject");
        ApiVersion = apiVersion;
        Kind = kind;
        Metadata = new V1ObjectMeta { Name = name };
    }

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; }

    [JsonPropertyName("kind")]
    public string Kind { get; set; }

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; }

    /// <summary>The <c>spec</c> of the resource, as JSON.</summary>
    [JsonPropertyName("spec")]
    public JsonObject? Spec { get; set; }

    /// <summary>Top-level fields other than <c>spec</c>, such as <c>data</c> or <c>rules</c>.</summary>
    [JsonExtensionData]
    public IDictionary<string, object?> Fields { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}
