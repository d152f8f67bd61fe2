using System.Text.Json;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace SecureManifests.Cli.Input;

/// <summary>
/// An object whose apiVersion/kind has no typed model in KubernetesClient (custom resources, newer or
/// removed APIs). It keeps the identity fields typed and everything else as raw JSON, so rules can
/// report or skip it. <see cref="ObjectMaterializer"/> fills it; it is never deserialized as a whole.
/// </summary>
internal sealed class GenericKubernetesObject : IKubernetesObject<V1ObjectMeta>
{
    /// <inheritdoc />
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    /// <inheritdoc />
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    /// <inheritdoc />
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>All other top-level fields (spec, data, rules, ...) as raw JSON, keyed by field name.</summary>
    public IDictionary<string, JsonElement> Fields { get; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
}
