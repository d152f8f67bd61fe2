using System.Reflection;
using k8s;
using k8s.Models;
using SecureManifests.Rules;

namespace SecureManifests.EndToEnd.Tests;

/// <summary>
/// The custom-resource sample (samples/Delivery): a cert-manager Certificate and an Argo Rollout as types generated from
/// the projects' real CRDs, and the SDK's Gateway API HTTPRoute and Prometheus ServiceMonitor, run as a user runs it and
/// judged by referees that share no code with us: the CRD model packages of kubernetes-models, kubectl kustomize, and
/// the rule engine over what was written.
/// </summary>
public sealed class DeliverySampleTests : IClassFixture<DeliverySampleTests.DeliveryOutput>
{
    private readonly DeliveryOutput _output;

    public DeliverySampleTests(DeliveryOutput output) => _output = output;

    [Fact]
    public void The_sample_writes_the_custom_resources_beside_the_built_in_kinds()
    {
        var kinds = _output.Objects.Select(o => $"{o.ApiVersion} {o.Kind}").ToHashSet(StringComparer.Ordinal);

        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "cert-manager.io/v1 Certificate", "argoproj.io/v1alpha1 Rollout", "gateway.networking.k8s.io/v1 HTTPRoute",
                "monitoring.coreos.com/v1 ServiceMonitor", "v1 Namespace", "apps/v1 Deployment", "v1 Service", "networking.k8s.io/v1 NetworkPolicy",
            },
            kinds);
    }

    [Fact]
    public void Every_document_passes_its_schema_the_custom_ones_with_their_CRD_packages() => _output.AssertPassesTheKubernetesSchema();

    [Fact]
    public void Kubectl_kustomize_builds_the_folder() => _output.AssertKustomizeBuildsIt();

    [Fact]
    public void The_secure_profile_finds_nothing_in_the_rollouts_pod_template_either()
    {
        _output.AssertNoFindings(RuleProfile.Secure);

        var rollout = Assert.Single(_output.Objects.OfType<Delivery.Argo.Rollout>());
        var container = Assert.Single(rollout.Spec.Template!.Spec.Containers);
        Assert.False(container.SecurityContext.AllowPrivilegeEscalation);
    }

    [Fact]
    public void The_custom_objects_join_the_namespace_with_the_apps_labels()
    {
        var certificate = Assert.Single(_output.Objects.OfType<Delivery.CertManager.Certificate>());

        Assert.Equal("storefront", certificate.Metadata.NamespaceProperty);
        Assert.Equal("delivery", certificate.Metadata.Labels["app.kubernetes.io/part-of"]);
        Assert.Equal("securemanifests", certificate.Metadata.Labels["app.kubernetes.io/managed-by"]);
        Assert.Equal(["shop.acme.test"], certificate.Spec!.DnsNames!);
    }

    [Fact]
    public void The_gateway_and_prometheus_namespaces_reach_only_their_ports()
    {
        var policy = _output.Objects.OfType<V1NetworkPolicy>().Single(p => p.Metadata.Name == "catalog-ingress");

        var admitted = policy.Spec.Ingress
            .Select(rule => (Assert.Single(rule.FromProperty).NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"], Assert.Single(rule.Ports).Port.Value))
            .Order()
            .ToList();
        Assert.Equal([("edge", "8080"), ("monitoring", "9090")], admitted);
    }

    /// <summary>The generated kinds of the sample's assembly, by <c>apiVersion/kind</c>, to read its YAML back.</summary>
    private static Dictionary<string, Type> GeneratedKinds() =>
        typeof(Delivery.DeliveryApp).Assembly.GetTypes()
            .Select(t => (Type: t, Entity: t.GetCustomAttribute<KubernetesEntityAttribute>()))
            .Where(t => t.Entity is not null && t.Type.GetInterfaces().Contains(typeof(IKubernetesObject<V1ObjectMeta>)))
            .ToDictionary(t => $"{t.Entity!.Group}/{t.Entity.ApiVersion}/{t.Entity.Kind}", t => t.Type, StringComparer.Ordinal);

    public sealed class DeliveryOutput() : SampleOutput("Delivery", GeneratedKinds());
}
