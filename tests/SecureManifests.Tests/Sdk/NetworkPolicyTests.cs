using k8s.Models;

namespace SecureManifests.Tests.Sdk;

public class NetworkPolicyTests
{
    [Fact]
    public void A_connection_generates_ingress_on_the_target_and_egress_on_the_source()
    {
        var app = new App("demo");
        var ns = app.AddNamespace("demo");
        var api = ns.AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithPort("http", 8080);
        var web = ns.AddDeployment("web", "ghcr.io/acme/web:1.0.0");
        api.AllowFrom(web, "http");
        var objects = app.Build();

        var ingress = objects.Single<V1NetworkPolicy>("api-ingress");
        Assert.Equal("api", ingress.Spec.PodSelector.MatchLabels["app.kubernetes.io/name"]);
        Assert.Equal(["Ingress"], ingress.Spec.PolicyTypes);
        var rule = Assert.Single(ingress.Spec.Ingress);
        Assert.Equal("web", Assert.Single(rule.FromProperty).PodSelector.MatchLabels["app.kubernetes.io/name"]);
        Assert.Null(rule.FromProperty[0].NamespaceSelector);
        Assert.Equal("8080", Assert.Single(rule.Ports).Port.Value);
        Assert.Equal("TCP", rule.Ports[0].Protocol);

        var egress = objects.Single<V1NetworkPolicy>("web-egress");
        Assert.Equal("web", egress.Spec.PodSelector.MatchLabels["app.kubernetes.io/name"]);
        Assert.Equal(["Egress"], egress.Spec.PolicyTypes);
        var egressRule = Assert.Single(egress.Spec.Egress);
        Assert.Equal("api", Assert.Single(egressRule.To).PodSelector.MatchLabels["app.kubernetes.io/name"]);
        Assert.Equal("8080", Assert.Single(egressRule.Ports).Port.Value);

        Assert.DoesNotContain(objects.OfType<V1NetworkPolicy>(), p => p.Metadata.Name is "api-egress" or "web-ingress");
    }

    [Fact]
    public void A_connection_across_namespaces_selects_the_peer_namespace_by_name()
    {
        var app = new App("demo");
        var api = app.AddNamespace("backend").AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithPort("grpc", 9000);
        var web = app.AddNamespace("frontend").AddDeployment("web", "ghcr.io/acme/web:1.0.0");
        api.AllowFrom(web, "grpc");
        var objects = app.Build();

        var from = objects.Single<V1NetworkPolicy>("api-ingress").Spec.Ingress[0].FromProperty[0];
        Assert.Equal("frontend", from.NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"]);
        var egress = objects.Single<V1NetworkPolicy>("web-egress");
        Assert.Equal("frontend", egress.Metadata.NamespaceProperty);
        Assert.Equal("backend", egress.Spec.Egress[0].To[0].NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"]);
    }

    [Fact]
    public void Traffic_from_a_namespace_such_as_the_ingress_controller_is_allowed_by_namespace()
    {
        var app = new App("demo");
        app.AddNamespace("demo").AddDeployment("web", "ghcr.io/acme/web:1.0.0").WithPort("http", 8080).AllowFromNamespace("ingress-nginx", "http");

        var peer = app.Build().Single<V1NetworkPolicy>("web-ingress").Spec.Ingress[0].FromProperty[0];
        Assert.Equal("ingress-nginx", peer.NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"]);
        Assert.Null(peer.PodSelector);
    }

    [Theory]
    [InlineData("0.0.0.0/0", true)]
    [InlineData("169.254.0.0/16", true)]
    [InlineData("10.0.0.0/8", false)]
    [InlineData("2001:db8::/32", false)]
    public void Egress_to_an_address_block_always_excepts_the_metadata_endpoint(string cidr, bool excepted)
    {
        var app = new App("demo");
        app.AddNamespace("demo").AddDeployment("api", "ghcr.io/acme/api:1.0.0").AllowEgressTo(cidr, 5432);

        var block = app.Build().Single<V1NetworkPolicy>("api-egress").Spec.Egress[0].To[0].IpBlock;
        Assert.Equal(cidr, block.Cidr);
        Assert.Equal(excepted, block.Except?.Contains("169.254.169.254/32") ?? false);
    }

    [Theory]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0.0/33")]
    [InlineData("nonsense/8")]
    public void Malformed_address_blocks_are_refused(string cidr)
    {
        var deployment = new App("demo").AddNamespace("demo").AddDeployment("api", "ghcr.io/acme/api:1.0.0");
        Assert.Throws<ManifestDefinitionException>(() => deployment.AllowEgressTo(cidr, 443));
    }
}
