using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace SecureManifests.Model;

/// <summary>
/// A custom resource the SDK writes itself (<see cref="HttpRouteResource"/>, <see cref="ServiceMonitorResource"/>): its
/// CRD is not the SDK's, so the kind is modelled with the fields the SDK sets only, typed so a misspelt field cannot
/// compile. Users who need the whole kind generate it from the CRD.
/// </summary>
internal abstract class SdkResource<TSpec>(string apiVersion, string kind) : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = apiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = kind;

    [JsonPropertyName("metadata")]
    public required V1ObjectMeta Metadata { get; set; }

    [JsonPropertyName("spec")]
    public required TSpec Spec { get; init; }
}
