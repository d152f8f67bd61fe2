using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace SecureManifests.Tests.Output;

/// <summary>Plain k8s.Models objects for the writer's tests.</summary>
internal static class TestObjects
{
    public static V1Namespace Namespace(string name) =>
        new() { ApiVersion = "v1", Kind = "Namespace", Metadata = new V1ObjectMeta { Name = name } };

    public static V1ServiceAccount ServiceAccount(string ns, string name) =>
        new() { ApiVersion = "v1", Kind = "ServiceAccount", Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns } };

    public static V1ConfigMap ConfigMap(string ns, string name, Dictionary<string, string> data) =>
        new() { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns }, Data = data };

    public static V1ClusterRole ClusterRole(string name) =>
        new()
        {
            ApiVersion = "rbac.authorization.k8s.io/v1",
            Kind = "ClusterRole",
            Metadata = new V1ObjectMeta { Name = name },
            Rules = [new V1PolicyRule { ApiGroups = [""], Resources = ["pods"], Verbs = ["get", "list"] }],
        };

    public static V1Deployment Deployment(string ns, string name, string image = "nginx:1.27") =>
        new()
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = ns,
                Labels = new Dictionary<string, string> { ["app"] = name },
            },
            Spec = new V1DeploymentSpec
            {
                Replicas = 2,
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                    Spec = new V1PodSpec
                    {
                        ServiceAccountName = name,
                        Containers =
                        [
                            new V1Container
                            {
                                Name = "app",
                                Image = image,
                                Ports = [new V1ContainerPort { Name = "http", ContainerPort = 8080, Protocol = "TCP" }],
                                Env = [new V1EnvVar { Name = "MODE", Value = "production" }],
                                VolumeMounts = [new V1VolumeMount { Name = "tmp", MountPath = "/tmp" }],
                                Resources = new V1ResourceRequirements
                                {
                                    Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("128Mi") },
                                },
                            },
                        ],
                        Volumes = [new V1Volume { Name = "tmp", EmptyDir = new V1EmptyDirVolumeSource() }],
                    },
                },
            },
        };

    public static V1Service Service(string ns, string name) =>
        new()
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
            Spec = new V1ServiceSpec
            {
                Selector = new Dictionary<string, string> { ["app"] = name },
                Ports = [new V1ServicePort { Name = "http", Port = 80, TargetPort = "http" }],
            },
        };

    public static V1NetworkPolicy AllowAllIngress(string ns, string name) =>
        new()
        {
            ApiVersion = "networking.k8s.io/v1",
            Kind = "NetworkPolicy",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
            Spec = new V1NetworkPolicySpec
            {
                PodSelector = new V1LabelSelector(),
                PolicyTypes = ["Ingress"],
                Ingress = [new V1NetworkPolicyIngressRule()],
            },
        };

    /// <summary>A small, realistic app: namespace, identity, config, workload, service, policy, cluster role.</summary>
    public static List<IKubernetesObject> App(string ns = "shop") =>
    [
        Deployment(ns, "api"),
        Service(ns, "api"),
        ServiceAccount(ns, "api"),
        AllowAllIngress(ns, "allow-all"),
        ConfigMap(ns, "settings", new Dictionary<string, string> { ["mode"] = "on", ["app.conf"] = "a=1\nb=2\n" }),
        Namespace(ns),
        ClusterRole("shop-reader"),
    ];
}

/// <summary>A custom-resource-like object, the way users model CRDs in C#.</summary>
internal sealed class Widget : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "example.com/v1";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "Widget";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public WidgetSpec? Spec { get; set; }
}

internal sealed class WidgetSpec
{
    [JsonPropertyName("size")]
    public int Size { get; set; }

    [JsonPropertyName("colour")]
    public string? Colour { get; set; }

    [JsonPropertyName("extras")]
    public Dictionary<string, string>? Extras { get; set; }
}

/// <summary>An object whose serialization throws, like a user type with a broken property.</summary>
internal sealed class Exploding : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "example.com/v1";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "Exploding";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new() { Name = "boom", NamespaceProperty = "shop" };

    [JsonPropertyName("spec")]
    public string Spec => throw new InvalidOperationException($"spec of {Metadata.Name} is not ready");
}
