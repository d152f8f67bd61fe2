using Delivery.Argo;
using Delivery.CertManager;
using k8s.Models;
using SecureManifests;
using SecureManifests.Model;

namespace Delivery;

/// <summary>
/// A storefront on a shared Gateway API gateway: the catalog API is routed by an HTTPRoute and scraped by Prometheus
/// through a ServiceMonitor; the checkout service is rolled out by Argo Rollouts as a canary; cert-manager issues the
/// storefront's certificate. The Rollout and the Certificate are types generated from their projects' CRDs, checked
/// against those CRDs' schemas when they are added, and the Rollout's pod template is held to the same rules as a
/// Deployment's.
/// </summary>
[ManifestApp]
public sealed class DeliveryApp : App
{
    private const string Registry = "ghcr.io/acme";

    public DeliveryApp()
        : base("delivery")
    {
        Defaults.RunAsUser = 10001;
        Defaults.FsGroup = 10001;

        var store = AddNamespace("storefront");

        var catalog = store.AddDeployment("catalog", $"{Registry}/catalog:3.2.0")
            .WithComponent("api")
            .WithPort("http", 8080)
            .WithPort("metrics", 9090)
            .WithWritablePath("/tmp")
            .WithReplicas(2)
            .WithReadinessProbe(Probe.Http("/healthz", "http"))
            .WithDisruptionBudget(minAvailable: 1);

        var catalogService = catalog.Expose("http", "metrics")
            .Monitor("metrics", interval: TimeSpan.FromSeconds(30));

        store.AddHttpRoute("storefront", new GatewayReference("edge", "public", sectionName: "https"), ["shop.acme.test"])
            .Route("/catalog", catalogService, "http");

        store.Add(new Certificate
        {
            Metadata = new V1ObjectMeta { Name = "storefront-tls" },
            Spec = new CertificateSpec
            {
                SecretName = "storefront-tls",
                DnsNames = ["shop.acme.test"],
                IssuerRef = new CertificateSpecIssuerRef { Kind = "ClusterIssuer", Name = "letsencrypt" },
                PrivateKey = new CertificateSpecPrivateKey { RotationPolicy = CertificateSpecPrivateKeyRotationPolicy.Always },
            },
        });

        store.Add(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "checkout" }, AutomountServiceAccountToken = false });
        store.Add(new Rollout
        {
            Metadata = new V1ObjectMeta { Name = "checkout" },
            Spec = new RolloutSpec
            {
                Replicas = 3,
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "checkout" } },
                Strategy = new RolloutSpecStrategy
                {
                    Canary = new RolloutSpecStrategyCanary
                    {
                        Steps =
                        [
                            new RolloutSpecStrategyCanarySteps { SetWeight = 20 },
                            new RolloutSpecStrategyCanarySteps { Pause = new RolloutSpecStrategyCanaryStepsPause { Duration = "10m" } },
                            new RolloutSpecStrategyCanarySteps { SetWeight = 60 },
                        ],
                    },
                },
                Template = CheckoutPod(),
            },
        });
    }

    // Written as KubernetesClient models, so the analyzers judge every setting while typing, as they do in a Deployment.
    private static V1PodTemplateSpec CheckoutPod() => new()
    {
        Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "checkout" } },
        Spec = new V1PodSpec
        {
            ServiceAccountName = "checkout",
            AutomountServiceAccountToken = false,
            SecurityContext = new V1PodSecurityContext
            {
                RunAsNonRoot = true,
                RunAsUser = 10001,
                RunAsGroup = 10001,
                FsGroup = 10001,
                SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
            },
            Containers =
            [
                new V1Container
                {
                    Name = "checkout",
                    Image = $"{Registry}/checkout:5.0.1",
                    Ports = [new V1ContainerPort { Name = "http", ContainerPort = 8080 }],
                    Resources = new V1ResourceRequirements
                    {
                        Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m"), ["memory"] = new("128Mi") },
                        Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("256Mi") },
                    },
                    ReadinessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/healthz", Port = "http" } },
                    SecurityContext = new V1SecurityContext
                    {
                        AllowPrivilegeEscalation = false,
                        ReadOnlyRootFilesystem = true,
                        Capabilities = new V1Capabilities { Drop = ["ALL"] },
                    },
                },
            ],
        },
    };
}
