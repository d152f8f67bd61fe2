using k8s;
using k8s.Models;
using SecureManifests.Rules;

namespace SecureManifests.Tests.Rules;

/// <summary>Objects that satisfy every implemented rule of the secure profile, for tests to break one field at a time.</summary>
internal static class TestObjects
{
    public const string PinnedImage =
        "registry.example.com/shop/api:1.4.2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    public static Dictionary<string, string> AppLabels() => new() { ["app.kubernetes.io/name"] = "api" };

    public static V1Container SecureContainer(string name) => new()
    {
        Name = name,
        Image = PinnedImage,
        SecurityContext = new V1SecurityContext
        {
            AllowPrivilegeEscalation = false,
            ReadOnlyRootFilesystem = true,
            Capabilities = new V1Capabilities { Drop = new List<string> { "ALL" } },
        },
        Ports = new List<V1ContainerPort> { new V1ContainerPort { ContainerPort = 8080, Name = "http" } },
        Resources = new V1ResourceRequirements
        {
            Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m"), ["memory"] = new("128Mi") },
            Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("256Mi") },
        },
    };

    public static V1PodSpec SecurePodSpec() => new()
    {
        AutomountServiceAccountToken = false,
        ServiceAccountName = "api",
        SecurityContext = new V1PodSecurityContext
        {
            RunAsNonRoot = true,
            SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
        },
        InitContainers = new List<V1Container> { SecureContainer("init") },
        Containers = new List<V1Container> { SecureContainer("app") },
    };

    public static V1Deployment SecureDeployment(Action<V1PodSpec>? change = null)
    {
        var spec = SecurePodSpec();
        change?.Invoke(spec);
        return new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = new V1ObjectMeta { Name = "api", NamespaceProperty = "shop", Labels = AppLabels() },
            Spec = new V1DeploymentSpec
            {
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "api" } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "api" } },
                    Spec = spec,
                },
            },
        };
    }

    public static V1Container Init(V1PodSpec spec) => spec.InitContainers[0];

    public static V1Container App(V1PodSpec spec) => spec.Containers[0];

    /// <summary>The default-deny NetworkPolicy of namespace shop, without which every pod there is SM4002.</summary>
    public static V1NetworkPolicy ShopDefaultDeny() => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "NetworkPolicy",
        Metadata = new V1ObjectMeta { Name = "default-deny", NamespaceProperty = "shop", Labels = AppLabels() },
        Spec = new V1NetworkPolicySpec { PodSelector = new V1LabelSelector(), PolicyTypes = new List<string> { "Ingress", "Egress" } },
    };

    // The objects are evaluated together with shop's default-deny policy, as in every secure set. It goes last
    // so the objects keep their indexes; tests of the network rules call the engine directly instead.
    public static IReadOnlyList<Finding> Evaluate(params IKubernetesObject[] objects) =>
        new RuleEngine().Evaluate(WithDefaultDeny(objects), new RuleEngineOptions());

    public static IReadOnlyList<Finding> Evaluate(RuleEngineOptions options, params IKubernetesObject[] objects) =>
        new RuleEngine().Evaluate(WithDefaultDeny(objects), options);

    private static IKubernetesObject[] WithDefaultDeny(IKubernetesObject[] objects) => [.. objects, ShopDefaultDeny()];
}
