using k8s.Models;
using SecureManifests.Defaults;

namespace SecureManifests.Tests.Sdk;

/// <summary>Wrong input fails when it is defined, with the object and the field named.</summary>
public class ValidationTests
{
    private static ManifestDefinitionException Fails(Action define)
    {
        return Assert.Throws<ManifestDefinitionException>(define);
    }

    private static Model.Namespace Demo() => new App("demo").AddNamespace("demo");

    [Theory]
    [InlineData("Shop")]
    [InlineData("shop_api")]
    [InlineData("-shop")]
    [InlineData("shop-")]
    [InlineData("")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void Invalid_dns_1123_names_are_refused(string name)
    {
        var error = Fails(() => Demo().AddDeployment(name, "ghcr.io/acme/api:1.0.0"));
        Assert.Equal("metadata.name", error.Field);
        Assert.Contains("DNS-1123", error.Message, StringComparison.Ordinal);
        Fails(() => new App("demo").AddNamespace(name));
        Fails(() => _ = new App(name));
    }

    [Fact]
    public void Subdomain_names_may_contain_dots()
    {
        var ns = Demo();
        Assert.Equal("app.settings", ns.AddConfigMap("app.settings").Name);
        Fails(() => ns.AddConfigMap("app..settings"));
    }

    [Theory]
    [InlineData("default")]
    [InlineData("kube-system")]
    public void System_namespaces_are_refused(string name)
    {
        var error = Fails(() => new App("demo").AddNamespace(name));
        Assert.Contains("SM4001", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad key", "v")]
    [InlineData("example.com/", "v")]
    [InlineData("Example_.com/x", "v")]
    [InlineData("team", "has space")]
    [InlineData("team", "-leading")]
    [InlineData("team", "a234567890123456789012345678901234567890123456789012345678901234")]
    public void Invalid_label_keys_and_values_are_refused(string key, string value)
    {
        var deployment = Demo().AddDeployment("api", "ghcr.io/acme/api:1.0.0");

        var error = Fails(() => deployment.WithPodLabel(key, value));
        Assert.Equal($"spec.template.metadata.labels[{key}]", error.Field);
    }

    [Theory]
    [InlineData("example.com/team", "payments")]
    [InlineData("tier", "")]
    [InlineData("tier", "a_b.c-d")]
    public void Valid_labels_are_accepted(string key, string value)
    {
        var app = new App("demo");
        app.AddNamespace("demo").AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithPodLabel(key, value);

        Assert.Equal(value, app.Build().PodSpecTemplateLabels("api")[key]);
    }

    [Fact]
    public void Duplicate_kind_namespace_name_is_refused()
    {
        var app = new App("demo");
        var ns = app.AddNamespace("demo");
        ns.AddConfigMap("settings");
        ns.AddConfigMap("settings");

        var error = Fails(() => app.Build());
        Assert.Equal("ConfigMap demo/settings", error.ObjectReference);
        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_name_in_another_namespace_or_kind_is_fine()
    {
        var app = new App("demo");
        app.AddNamespace("a").AddConfigMap("settings");
        app.AddNamespace("b").AddConfigMap("settings");
        app.Namespaces[0].AddDeployment("settings", "ghcr.io/acme/api:1.0.0");

        Assert.Equal(2, app.Build().OfType<V1ConfigMap>().Count());
    }

    [Fact]
    public void A_raw_object_that_collides_with_a_generated_one_is_refused()
    {
        var app = new App("demo");
        var ns = app.AddNamespace("demo");
        ns.AddDeployment("api", "ghcr.io/acme/api:1.0.0");
        ns.Add(new V1ServiceAccount { ApiVersion = "v1", Kind = "ServiceAccount", Metadata = new V1ObjectMeta { Name = "api" } });

        Assert.Equal("ServiceAccount demo/api", Fails(() => app.Build()).ObjectReference);
    }

    [Fact]
    public void Duplicate_namespaces_and_workload_names_are_refused()
    {
        var app = new App("demo");
        var ns = app.AddNamespace("demo");
        Fails(() => app.AddNamespace("demo"));
        ns.AddDeployment("api", "ghcr.io/acme/api:1.0.0");
        Assert.Contains("unique per namespace", Fails(() => ns.AddStatefulSet("api", "ghcr.io/acme/api:1.0.0")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(65536)]
    public void Ports_outside_the_valid_range_are_refused(int port)
    {
        var deployment = Demo().AddDeployment("api", "ghcr.io/acme/api:1.0.0");

        var error = Fails(() => deployment.WithPort("http", port));
        Assert.Equal("containers[api].ports[http].containerPort", error.Field);
        Assert.Contains("1-65535", error.Message, StringComparison.Ordinal);
        Fails(() => deployment.AllowEgressTo("10.0.0.0/8", port));
    }

    [Theory]
    [InlineData("HTTP")]
    [InlineData("a-very-long-port-name")]
    [InlineData("80")]
    [InlineData("we--b")]
    public void Invalid_port_names_are_refused(string name)
    {
        Assert.Equal($"containers[api].ports[{name}].name", Fails(() => Demo().AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithPort(name, 80)).Field);
    }

    [Fact]
    public void Duplicate_ports_are_refused()
    {
        var deployment = Demo().AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithPort("http", 8080);
        Fails(() => deployment.WithPort("http", 9090));
        Fails(() => deployment.WithPort("other", 8080));
    }

    [Theory]
    [InlineData("2 cores")]
    [InlineData("")]
    [InlineData("1.5.2")]
    [InlineData("Gi")]
    [InlineData("10GB")]
    [InlineData("-1")]
    public void Invalid_quantities_are_refused(string quantity)
    {
        var deployment = Demo().AddDeployment("api", "ghcr.io/acme/api:1.0.0");

        var error = Fails(() => deployment.WithResources(cpu: quantity));
        Assert.Equal("containers[api].resources", error.Field);
        Assert.Contains($"'{quantity}'", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ResourceProfile(quantity, "1Gi", "1Gi"));
    }

    [Theory]
    [InlineData("250m")]
    [InlineData("0.5")]
    [InlineData("1.5Gi")]
    [InlineData("1e3")]
    [InlineData("128974848")]
    [InlineData("129M")]
    public void Valid_quantities_are_kept_as_written(string quantity)
    {
        var app = new App("demo");
        app.AddNamespace("demo").AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithResources(memory: quantity);

        Assert.Equal(quantity, app.Build().MainContainer("api").Resources.Requests["memory"].ToString());
        Assert.Contains($"memory: {(quantity == "0.5" || quantity == "1e3" || quantity == "128974848" ? $"\"{quantity}\"" : quantity)}\n",
            SecureManifests.Output.ManifestYaml.Serialize(app.Build().OfType<V1Deployment>().Single()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GHCR.io/Acme/API:1")]
    [InlineData("ghcr.io/acme/api:")]
    [InlineData("ghcr.io/acme/api:-bad")]
    [InlineData("ghcr.io/acme/api@sha256:123")]
    [InlineData("ghcr.io/acme/api 1.0")]
    [InlineData("ghcr.io//api:1.0")]
    [InlineData("")]
    [InlineData("ghcr.io/acme/api:1.0@md5:abc")]
    public void Malformed_image_references_are_refused(string image)
    {
        var error = Fails(() => Demo().AddDeployment("api", image));
        Assert.Equal("containers[api].image", error.Field);
    }

    [Theory]
    [InlineData("nginx")]
    [InlineData("nginx:latest")]
    [InlineData("localhost:5000/team/api")]
    public void Mutable_image_tags_are_rule_SM2001_at_its_own_severity_not_a_definition_error(string image)
    {
        // One problem, one ID, one severity: the catalogue rule judges it, as the analyzer and lint do.
        var app = new App("demo");
        app.AddNamespace("demo").AddDeployment("api", image);

        var result = SecureManifests.Synthesis.Synthesizer.Render(app, new SecureManifests.Synthesis.SynthOptions());
        var finding = Assert.Single(result.Findings, f => f.RuleId == "SM2001");
        Assert.Equal(SecureManifests.Rules.RuleCatalog.Get("SM2001").DefaultSeverity, finding.Severity);
        Assert.Equal("spec.template.spec.containers[0].image", finding.Path);
    }

    [Theory]
    [InlineData("nginx:1.27.3")]
    [InlineData("localhost:5000/team/api:2024.01.01")]
    [InlineData("registry.example.com:443/a/b/c__d-e.f:v1_2")]
    public void Pinned_image_tags_are_accepted(string image)
    {
        var app = new App("demo");
        app.AddNamespace("demo").AddDeployment("api", image);

        Assert.Equal(image, app.Build().MainContainer("api").Image);
    }

    [Fact]
    public void Connections_and_bindings_to_objects_of_another_app_are_refused()
    {
        var shop = new App("shop").AddNamespace("shop");
        var other = new App("other").AddNamespace("other");
        var api = shop.AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithPort("http", 80);
        var stranger = other.AddDeployment("stranger", "ghcr.io/acme/x:1.0.0");

        Assert.Contains("belongs to app 'other'", Fails(() => api.AllowFrom(stranger, "http")).Message, StringComparison.Ordinal);
        Fails(() => stranger.Bind(shop.AddRole("reader")));
        Fails(() => api.WithSecretFiles(other.AddExternalSecret("s"), "/s"));
        Fails(() => api.WithConfigFiles(other.AddConfigMap("c"), "/c"));
        Fails(() => shop.AddIngress("web", "shop.example.com", "tls").Route("/", stranger.Expose(), "http"));
    }

    [Fact]
    public void Connections_to_undeclared_ports_are_refused()
    {
        var ns = Demo();
        var api = ns.AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithPort("http", 80);
        var web = ns.AddDeployment("web", "ghcr.io/acme/web:1.0.0");

        var error = Fails(() => api.AllowFrom(web, "grpc"));
        Assert.Contains("'grpc' is not a declared port", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_literals_in_env_are_refused_but_file_references_are_fine()
    {
        var deployment = Demo().AddDeployment("api", "ghcr.io/acme/api:1.0.0");

        var error = Fails(() => deployment.WithEnv("DB_PASSWORD", "hunter2"));
        Assert.Equal("containers[api].env[DB_PASSWORD].value", error.Field);
        Assert.Contains("SM2005", error.Message, StringComparison.Ordinal);
        Fails(() => deployment.WithEnv("stripe_api_key", "sk_live_x"));
        deployment.WithEnv("DB_PASSWORD_FILE", "/run/secrets/db");
        deployment.WithEnv("TOKEN_ISSUER_URL", "/oauth");
        deployment.WithEnv("LOG_LEVEL", "info");
    }

    [Fact]
    public void Env_names_must_be_unique_and_valid()
    {
        var deployment = Demo().AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithEnv("A", "1");
        Assert.Contains("SM2007", Fails(() => deployment.WithEnv("A", "2")).Message, StringComparison.Ordinal);
        Fails(() => deployment.WithEnv("A=B", "1"));
    }

    [Fact]
    public void Probes_must_target_a_declared_port()
    {
        var deployment = Demo().AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithPort("http", 8080);

        Assert.Equal("containers[api].readinessProbe.port", Fails(() => deployment.WithReadinessProbe(Model.Probe.Http("/", "metrics"))).Field);
        deployment.WithReadinessProbe(Model.Probe.Http("/", "http"));
    }

    [Theory]
    [InlineData("tmp")]
    [InlineData("/a/../b")]
    [InlineData("")]
    public void Mount_paths_must_be_absolute(string path)
    {
        Fails(() => Demo().AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithWritablePath(path));
    }

    [Theory]
    [InlineData("* * * *")]
    [InlineData("@sometimes")]
    [InlineData("0 3 * * * *")]
    public void Cron_schedules_are_validated(string schedule)
    {
        Assert.Equal("spec.schedule", Fails(() => Demo().AddCronJob("report", schedule, "ghcr.io/acme/r:1.0.0")).Field);
    }

    [Fact]
    public void Config_map_keys_that_look_secret_are_refused()
    {
        var map = Demo().AddConfigMap("settings");
        Assert.Contains("SM2016", Fails(() => map.With("db_password", "x")).Message, StringComparison.Ordinal);
        Fails(() => map.With("cert", "-----BEGIN RSA PRIVATE KEY-----\nabc"));
        Fails(() => map.With("bad key", "x"));
    }

    [Fact]
    public void Raw_objects_need_kind_name_and_a_known_namespace()
    {
        var app = new App("demo");
        app.AddNamespace("demo");

        // A model type names its own apiVersion and kind; any other type has to.
        Assert.Equal("apiVersion/kind", Fails(() => app.Add(new Untyped { Metadata = new V1ObjectMeta { Name = "x" } })).Field);
        Fails(() => app.Add(new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new V1ObjectMeta() }));
        Assert.Equal("metadata.namespace", Fails(() => app.Add(new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new V1ObjectMeta { Name = "x", NamespaceProperty = "elsewhere" } })).Field);
    }

    [Fact]
    public void Error_messages_name_object_and_field()
    {
        var error = Fails(() => Demo().AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithPort("http", 70000));

        Assert.Equal("Deployment demo/api: containers[api].ports[http].containerPort: 70000 is outside 1-65535", error.Message);
    }

    private sealed class Untyped : k8s.IKubernetesObject<V1ObjectMeta>
    {
        public string ApiVersion { get; set; } = null!;

        public string Kind { get; set; } = null!;

        public V1ObjectMeta Metadata { get; set; } = null!;
    }
}
