using System.Text.Json.Nodes;
using k8s.Models;
using SecureManifests.Model;
using SecureManifests.Synthesis;
using SecureManifests.Tests.Output;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Tests.Sdk;

/// <summary>
/// HTTPRoutes (Gateway API) and ServiceMonitors (Prometheus Operator) of an app, read back from the YAML the synth writes
/// and judged by the CRD model packages' validators and by <c>kubectl kustomize</c>.
/// </summary>
public sealed class GatewayRouteTests : IDisposable
{
    private static readonly GatewayReference PublicGateway = new("gateway-system", "public", sectionName: "https");

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static (App App, Namespace Ns, Deployment Web, Service Service) Shop()
    {
        var app = new App("shop");
        var ns = app.AddNamespace("shop");
        var web = ns.AddDeployment("web", "ghcr.io/acme/web:2.0.7").WithPort("http", 8080).WithPort("metrics", 9090);
        var service = web.Expose().WithServicePort("http", 80);
        return (app, ns, web, service);
    }

    /// <summary>The documents of the written YAML, by <c>Kind name</c>.</summary>
    private Dictionary<string, JsonNode> Write(App app)
    {
        var output = Path.Combine(_folder.FullPath, "out");
        Synthesizer.Write(app, output);
        return Directory.EnumerateFiles(output, "*.yaml", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .SelectMany(f => YamlReader.ReadDocuments(File.ReadAllText(f)))
            .ToDictionary(d => (string)d["kind"]! + " " + (string)d["metadata"]!["name"]!, StringComparer.Ordinal);
    }

    private static ManifestDefinitionException Fails(Action define) => Assert.Throws<ManifestDefinitionException>(define);

    [Fact]
    public void A_route_attaches_to_the_gateway_and_names_the_backend_service_and_its_port_number()
    {
        var (app, ns, _, service) = Shop();
        ns.AddHttpRoute("shop", PublicGateway, ["shop.example.com", "*.shop.example.com"])
            .Route("/", service, "http")
            .Route("/api", service, "http");

        var route = Write(app)["HTTPRoute shop"];

        Assert.Equal("gateway.networking.k8s.io/v1", (string)route["apiVersion"]!);
        Assert.Equal("shop", (string)route["metadata"]!["namespace"]!);
        Assert.Equal("shop", (string)route["metadata"]!["labels"]![RecommendedLabels.PartOf]!);
        Assert.Equal(RecommendedLabels.ManagedByValue, (string)route["metadata"]!["labels"]![RecommendedLabels.ManagedBy]!);
        Assert.Equal("""[{"name":"public","namespace":"gateway-system","sectionName":"https"}]""", route["spec"]!["parentRefs"]!.ToJsonString());
        Assert.Equal("""["shop.example.com","*.shop.example.com"]""", route["spec"]!["hostnames"]!.ToJsonString());
        Assert.Equal(
            """[{"backendRefs":[{"name":"web","port":80}],"matches":[{"path":{"type":"PathPrefix","value":"/"}}]},""" +
            """{"backendRefs":[{"name":"web","port":80}],"matches":[{"path":{"type":"PathPrefix","value":"/api"}}]}]""",
            route["spec"]!["rules"]!.ToJsonString());
    }

    [Fact]
    public void A_route_without_host_names_leaves_them_to_the_listener_and_a_gateway_without_section_means_every_listener()
    {
        var (app, ns, _, service) = Shop();
        ns.AddHttpRoute("shop", new GatewayReference("gateway-system", "public"), []).Route("/", service, "http");

        var spec = Write(app)["HTTPRoute shop"]["spec"]!;

        Assert.Null(spec["hostnames"]);
        Assert.Equal("""[{"name":"public","namespace":"gateway-system"}]""", spec["parentRefs"]!.ToJsonString());
    }

    [Fact]
    public void The_gateways_namespace_reaches_the_backend_pods_on_the_routed_port_only()
    {
        var (app, ns, _, service) = Shop();
        ns.AddHttpRoute("shop", PublicGateway, ["shop.example.com"]).Route("/", service, "http").Route("/static", service, "http");

        var policy = Write(app)["NetworkPolicy web-ingress"];

        Assert.Equal("""{"matchLabels":{"app.kubernetes.io/instance":"shop","app.kubernetes.io/name":"web"}}""", policy["spec"]!["podSelector"]!.ToJsonString());
        Assert.Equal(
            """[{"from":[{"namespaceSelector":{"matchLabels":{"kubernetes.io/metadata.name":"gateway-system"}}}],"ports":[{"port":8080,"protocol":"TCP"}]}]""",
            policy["spec"]!["ingress"]!.ToJsonString());
    }

    [Fact]
    public void A_gateway_namespace_the_workload_already_admits_is_admitted_once()
    {
        var (app, ns, web, service) = Shop();
        web.AllowFromNamespace("gateway-system", "http");
        ns.AddHttpRoute("shop", PublicGateway, ["shop.example.com"]).Route("/", service, "http");

        var rules = Write(app)["NetworkPolicy web-ingress"]["spec"]!["ingress"]!.AsArray();

        Assert.Single(rules);
    }

    [Fact]
    public void Routes_are_checked_when_they_are_defined()
    {
        var (_, ns, _, service) = Shop();
        var other = ns.App.AddNamespace("other").AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithPort("http", 8080).Expose();
        var stranger = new App("stranger").AddNamespace("shop").AddDeployment("web", "ghcr.io/acme/web:1.0.0").WithPort("http", 8080).Expose();
        var routes = 0;
        HttpRoute Route() => ns.AddHttpRoute($"r{routes++}", PublicGateway, ["shop.example.com"]);

        Assert.Equal("'/' is not a valid host name", Fails(() => ns.AddHttpRoute("a", PublicGateway, ["/"])).Problem);
        Assert.Equal("spec.hostnames[Shop.example.com]", Fails(() => ns.AddHttpRoute("a", PublicGateway, ["Shop.example.com"])).Field);
        Assert.Equal("host name 'a.example.com' is listed twice", Fails(() => ns.AddHttpRoute("a", PublicGateway, ["a.example.com", "a.example.com"])).Problem);
        Assert.Contains("at most 16", Fails(() => ns.AddHttpRoute("a", PublicGateway, [.. Enumerable.Range(0, 17).Select(i => $"h{i}.example.com")])).Problem, StringComparison.Ordinal);
        Assert.Equal("spec.parentRefs[0].namespace", Fails(() => ns.AddHttpRoute("a", new GatewayReference("Gateway_System", "public"), [])).Field);
        Assert.Equal("spec.parentRefs[0].name", Fails(() => ns.AddHttpRoute("a", new GatewayReference("gateway-system", "Public!"), [])).Field);
        Assert.Equal("spec.parentRefs[0].sectionName", Fails(() => ns.AddHttpRoute("a", new GatewayReference("gateway-system", "public", "HTTPS"), [])).Field);
        Assert.Equal("metadata.name", Fails(() => ns.AddHttpRoute("Shop", PublicGateway, [])).Field);

        var error = Fails(() => Route().Route("api", service, "http"));
        Assert.StartsWith("HTTPRoute shop/r", error.ObjectReference, StringComparison.Ordinal);
        Assert.Equal(("spec.rules[api].matches[0].path.value", "'api' must start with '/'"), (error.Field, error.Problem));
        Assert.Equal("'/a//b' must not contain '//'", Fails(() => Route().Route("/a//b", service, "http")).Problem);
        Assert.Equal("'/a/..' must not end with a '.' or '..' segment", Fails(() => Route().Route("/a/..", service, "http")).Problem);
        Assert.Contains("holds a character a URL path cannot", Fails(() => Route().Route("/a#b", service, "http")).Problem, StringComparison.Ordinal);
        Assert.Equal("spec.rules[/].backendRefs[0].port", Fails(() => Route().Route("/", service, "grpc")).Field);
        Assert.Contains("is in another namespace", Fails(() => Route().Route("/", other, "http")).Problem, StringComparison.Ordinal);
        Assert.Contains("belongs to app 'stranger'", Fails(() => Route().Route("/", stranger, "http")).Problem, StringComparison.Ordinal);
        Assert.Equal("path '/' is routed twice", Fails(() => Route().Route("/", service, "http").Route("/", service, "http")).Problem);
        var full = Route();
        for (var i = 0; i < 16; i++)
        {
            full.Route($"/p{i}", service, "http");
        }

        Assert.Contains("at most 16 rules", Fails(() => full.Route("/p16", service, "http")).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_route_that_routes_nothing_fails_the_build()
    {
        var (app, ns, _, _) = Shop();
        ns.AddHttpRoute("shop", PublicGateway, ["shop.example.com"]);

        var error = Fails(() => app.Build());

        Assert.Equal(("HTTPRoute shop/shop", "spec.rules"), (error.ObjectReference, error.Field));
    }

    [Fact]
    public void A_monitored_service_gets_a_ServiceMonitor_that_selects_it_by_its_labels_and_the_port_by_name()
    {
        var (app, _, _, service) = Shop();
        service.Monitor("metrics", interval: TimeSpan.FromSeconds(90));
        service.Monitor("http", path: "/internal/metrics", interval: TimeSpan.FromMilliseconds(1500), prometheusNamespace: "observability");

        var written = Write(app);
        var monitor = written["ServiceMonitor web"];
        var serviceLabels = written["Service web"]["metadata"]!["labels"]!.AsObject();

        Assert.Equal("monitoring.coreos.com/v1", (string)monitor["apiVersion"]!);
        Assert.Equal("shop", (string)monitor["metadata"]!["namespace"]!);
        Assert.True(JsonNode.DeepEquals(serviceLabels, monitor["metadata"]!["labels"]), monitor["metadata"]!.ToJsonString());
        var selector = monitor["spec"]!["selector"]!["matchLabels"]!.AsObject();
        Assert.NotEmpty(selector);
        Assert.All(selector, label => Assert.Equal((string?)label.Value, (string?)serviceLabels[label.Key]));
        Assert.Equal(
            """[{"interval":"1m30s","path":"/metrics","port":"metrics"},{"interval":"1s500ms","path":"/internal/metrics","port":"http"}]""",
            monitor["spec"]!["endpoints"]!.ToJsonString());
        Assert.Equal(
            """[{"from":[{"namespaceSelector":{"matchLabels":{"kubernetes.io/metadata.name":"monitoring"}}}],"ports":[{"port":9090,"protocol":"TCP"}]},""" +
            """{"from":[{"namespaceSelector":{"matchLabels":{"kubernetes.io/metadata.name":"observability"}}}],"ports":[{"port":8080,"protocol":"TCP"}]}]""",
            written["NetworkPolicy web-ingress"]["spec"]!["ingress"]!.ToJsonString());
    }

    [Fact]
    public void A_service_monitored_without_an_interval_leaves_it_to_Prometheus_and_an_unmonitored_one_gets_no_ServiceMonitor()
    {
        var (app, ns, _, service) = Shop();
        service.Monitor("metrics");
        ns.AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithPort("http", 8080).Expose();

        var written = Write(app);

        Assert.Equal("""[{"path":"/metrics","port":"metrics"}]""", written["ServiceMonitor web"]["spec"]!["endpoints"]!.ToJsonString());
        Assert.DoesNotContain("ServiceMonitor api", written.Keys);
    }

    [Fact]
    public void Monitors_are_checked_when_they_are_defined()
    {
        var (_, _, _, service) = Shop();

        var error = Fails(() => service.Monitor("grpc"));
        Assert.Equal(("ServiceMonitor shop/web", "spec.endpoints[grpc].port"), (error.ObjectReference, error.Field));
        Assert.Equal("port 'metrics' is monitored twice", Fails(() => service.Monitor("metrics").Monitor("metrics")).Problem);
        Assert.Equal("spec.endpoints[http].path", Fails(() => service.Monitor("http", path: "metrics")).Field);
        Assert.Equal("spec.endpoints[http].interval", Fails(() => service.Monitor("http", interval: TimeSpan.Zero)).Field);
        Assert.Equal("spec.endpoints[http].interval", Fails(() => service.Monitor("http", interval: TimeSpan.FromTicks(15))).Field);
        Assert.Equal("'Monitoring' is not a valid namespace name", Fails(() => service.Monitor("http", prometheusNamespace: "Monitoring")).Problem);
    }

    [Fact]
    public void The_routes_and_monitors_of_an_app_pass_the_CRD_schemas_and_build_with_kustomize_and_the_secure_profile_finds_nothing()
    {
        var (app, ns, web, service) = Shop();
        web.WithWritablePath("/tmp");
        ns.AddHttpRoute("shop", PublicGateway, ["shop.example.com"]).Route("/", service, "http");
        service.Monitor("metrics", interval: TimeSpan.FromSeconds(30));
        var output = Path.Combine(_folder.FullPath, "app");

        var result = Synthesizer.Write(app, output);

        Assert.Empty(result.Findings);
        var schema = KubernetesSchemaReferee.Validate(output);
        Assert.True(schema.ExitCode == KubernetesSchemaReferee.ValidExitCode, schema.Describe());
        var built = KustomizeReferee.Build(output);
        built.AssertSucceeded();
        Assert.Contains("kind: HTTPRoute\n", built.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("kind: ServiceMonitor\n", built.StandardOutput, StringComparison.Ordinal);
    }
}
