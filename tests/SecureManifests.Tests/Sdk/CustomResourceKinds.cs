using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using SecureManifests.CustomResources;

namespace SecureManifests.Tests.Sdk;

// Kinds written by hand in the shape the CRD generator emits: [KubernetesEntity] for the identity, [CustomResource] for
// the scope and the compact structural schema, pod-template nodes typed as V1PodTemplateSpec.

/// <summary>An Argo Rollout: its pod template at spec.template, as the CRD has it.</summary>
[KubernetesEntity(Group = "argoproj.io", Kind = "Rollout", ApiVersion = "v1alpha1", PluralName = "rollouts")]
[CustomResource(true, StructuralSchemaJson)]
internal sealed class TestRollout : IKubernetesObject<V1ObjectMeta>, ISpec<TestRolloutSpec>
{
    public const string StructuralSchemaJson = """
        {"type": "object", "properties": {"apiVersion": {"type": "string"}, "kind": {"type": "string"}, "metadata": {"type": "object"},
         "spec": {"type": "object", "required": ["selector"], "properties": {
           "replicas": {"type": "integer", "format": "int32", "minimum": 0},
           "selector": {"type": "object", "properties": {"matchLabels": {"type": "object", "additionalProperties": {"type": "string"}}}},
           "template": {"type": "object", "properties": {"metadata": {"type": "object", "x-kubernetes-preserve-unknown-fields": true},
             "spec": {"type": "object", "required": ["containers"], "x-kubernetes-preserve-unknown-fields": true, "properties": {
               "containers": {"type": "array", "items": {"type": "object", "required": ["name"], "x-kubernetes-preserve-unknown-fields": true,
                 "properties": {"name": {"type": "string"}, "image": {"type": "string"}}}}}}}}}}}}
        """;

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = null!;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = null!;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = null!;

    [JsonPropertyName("spec")]
    public required TestRolloutSpec Spec { get; set; }
}

internal sealed class TestRolloutSpec
{
    [JsonPropertyName("replicas")]
    public int? Replicas { get; set; }

    [JsonPropertyName("selector")]
    public V1LabelSelector? Selector { get; set; }

    [JsonPropertyName("template")]
    public V1PodTemplateSpec? Template { get; set; }
}

/// <summary>A kind no built-in list knows (example.com Widget), with its pod template at spec.podTemplate and a schema of every keyword checked.</summary>
[KubernetesEntity(Group = "example.com", Kind = "Widget", ApiVersion = "v1", PluralName = "widgets")]
[CustomResource(true, StructuralSchemaJson)]
internal sealed class TestWidget : IKubernetesObject<V1ObjectMeta>, ISpec<TestWidgetSpec>
{
    public const string StructuralSchemaJson = """
        {"type": "object", "properties": {"apiVersion": {"type": "string"}, "kind": {"type": "string"}, "metadata": {"type": "object"},
         "spec": {"type": "object", "required": ["issuerRef", "size"], "properties": {
           "issuerRef": {"type": "object", "required": ["name"], "properties": {
             "name": {"type": "string", "minLength": 1, "maxLength": 20}, "kind": {"type": "string", "enum": ["Issuer", "ClusterIssuer"]}}},
           "size": {"type": "integer", "minimum": 1, "maximum": 10},
           "ratio": {"type": "number", "minimum": 0, "exclusiveMinimum": true, "maximum": 1, "exclusiveMaximum": true},
           "duration": {"type": "string", "pattern": "^[0-9]+h$"},
           "hosts": {"type": "array", "minItems": 1, "maxItems": 2, "items": {"type": "string", "maxLength": 10}},
           "podTemplate": {"type": "object", "properties": {"metadata": {"type": "object", "x-kubernetes-preserve-unknown-fields": true},
             "spec": {"type": "object", "required": ["containers"], "x-kubernetes-preserve-unknown-fields": true, "properties": {
               "containers": {"type": "array", "items": {"type": "object", "required": ["name"], "x-kubernetes-preserve-unknown-fields": true,
                 "properties": {"name": {"type": "string"}, "image": {"type": "string"}}}}}}}}}}}}
        """;

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = null!;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = null!;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = null!;

    [JsonPropertyName("spec")]
    public required TestWidgetSpec Spec { get; set; }
}

internal sealed class TestWidgetSpec
{
    [JsonPropertyName("issuerRef")]
    public TestIssuerReference? IssuerRef { get; set; }

    [JsonPropertyName("size")]
    public int? Size { get; set; }

    [JsonPropertyName("ratio")]
    public double? Ratio { get; set; }

    [JsonPropertyName("duration")]
    public string? Duration { get; set; }

    [JsonPropertyName("hosts")]
    public IList<string>? Hosts { get; set; }

    [JsonPropertyName("podTemplate")]
    public V1PodTemplateSpec? PodTemplate { get; set; }
}

internal sealed class TestIssuerReference
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("kind")]
    public string? Kind { get; set; }
}

/// <summary>A cluster-scoped kind, as cert-manager's ClusterIssuer.</summary>
[KubernetesEntity(Group = "cert-manager.io", Kind = "ClusterIssuer", ApiVersion = "v1", PluralName = "clusterissuers")]
[CustomResource(false, """{"type":"object","properties":{"spec":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}""")]
internal sealed class TestClusterIssuer : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = null!;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = null!;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = null!;

    [JsonPropertyName("spec")]
    public JsonObject? Spec { get; set; }
}

/// <summary>A type whose [CustomResource] schema is no schema (a hand edit gone wrong).</summary>
[KubernetesEntity(Group = "example.com", Kind = "Broken", ApiVersion = "v1", PluralName = "brokens")]
[CustomResource(true, """{"type":"object","properties":{"spec":{"$ref":"#/definitions/x"}}}""")]
internal sealed class TestBroken : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = null!;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = null!;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = null!;
}
