using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace SecureManifests.Model;

/// <summary>
/// A Gateway API <c>gateway.networking.k8s.io/v1</c> HTTPRoute as the SDK writes it: only the fields <see cref="HttpRoute"/>
/// sets, typed so that a misspelt field cannot compile. It is internal: the CRD is not part of the SDK, and users who need
/// the whole kind generate it from the CRD.
/// </summary>
internal sealed class HttpRouteResource : IKubernetesObject<V1ObjectMeta>
{
    public const string Version = "gateway.networking.k8s.io/v1";
    public const string KindName = "HTTPRoute";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = Version;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KindName;

    [JsonPropertyName("metadata")]
    public required V1ObjectMeta Metadata { get; set; }

    [JsonPropertyName("spec")]
    public required HttpRouteSpec Spec { get; init; }
}

internal sealed record HttpRouteSpec(
    [property: JsonPropertyName("parentRefs")] IReadOnlyList<ParentReference> ParentRefs,
    [property: JsonPropertyName("hostnames")] IReadOnlyList<string>? Hostnames,
    [property: JsonPropertyName("rules")] IReadOnlyList<HttpRouteRule> Rules);

/// <summary>A Gateway (the default group and kind of a parentRef) in another namespace, optionally one listener of it.</summary>
internal sealed record ParentReference(
    [property: JsonPropertyName("namespace")] string Namespace,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("sectionName")] string? SectionName);

internal sealed record HttpRouteRule(
    [property: JsonPropertyName("matches")] IReadOnlyList<HttpRouteMatch> Matches,
    [property: JsonPropertyName("backendRefs")] IReadOnlyList<HttpBackendReference> BackendRefs);

internal sealed record HttpRouteMatch([property: JsonPropertyName("path")] HttpPathMatch Path);

internal sealed record HttpPathMatch(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] string Value);

/// <summary>A Service of the route's namespace; Gateway API requires the port as a number.</summary>
internal sealed record HttpBackendReference(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("port")] int Port);
