using k8s.Models;
using SecureManifests.Model;

namespace SecureManifests.Tests.Sdk;

public class WorkloadKindTests
{
    [Fact]
    public void Stateful_set_gets_claims_and_a_governing_headless_service()
    {
        var app = new App("demo");
        app.AddNamespace("demo").AddStatefulSet("redis", "redis:7.4.1").WithPort("redis", 6379).WithVolumeClaim("data", "/data", "2Gi", storageClass: "fast").WithReplicas(3);
        var objects = app.Build();

        var set = objects.Single<V1StatefulSet>("redis");
        Assert.Equal(3, set.Spec.Replicas);
        Assert.Equal("redis-headless", set.Spec.ServiceName);
        var claim = Assert.Single(set.Spec.VolumeClaimTemplates);
        Assert.Equal(("data", "fast", "2Gi"), (claim.Metadata.Name, claim.Spec.StorageClassName, claim.Spec.Resources.Requests["storage"].ToString()));
        Assert.Equal(["ReadWriteOnce"], claim.Spec.AccessModes);
        Assert.Equal("/data", Assert.Single(set.Spec.Template.Spec.Containers[0].VolumeMounts).MountPath);
        var headless = objects.Single<V1Service>("redis-headless");
        Assert.Equal("None", headless.Spec.ClusterIP);
        Assert.Equal(set.Spec.Selector.MatchLabels, headless.Spec.Selector);
    }

    [Fact]
    public void Daemon_set_has_the_same_secure_pod()
    {
        var app = new App("demo");
        app.AddNamespace("demo").AddDaemonSet("agent", "ghcr.io/acme/agent:1.0.0");

        var pod = app.Build().Single<V1DaemonSet>("agent").Spec.Template.Spec;
        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.True(pod.Containers[0].SecurityContext.ReadOnlyRootFilesystem);
    }

    [Fact]
    public void Expose_creates_a_cluster_ip_service_with_named_target_ports()
    {
        var app = new App("demo");
        var web = app.AddNamespace("demo").AddDeployment("web", "ghcr.io/acme/web:1.0.0").WithPort("http", 8080).WithPort("metrics", 9090);
        web.Expose("http").WithServicePort("http", 80);

        var service = app.Build().Single<V1Service>("web");
        Assert.Equal("ClusterIP", service.Spec.Type);
        var port = Assert.Single(service.Spec.Ports);
        Assert.Equal((80, "http", "http"), (port.Port, port.TargetPort.Value, port.Name));
        Assert.Equal("web", service.Spec.Selector["app.kubernetes.io/name"]);
    }

    [Fact]
    public void Exposing_a_workload_without_ports_is_refused()
    {
        var web = new App("demo").AddNamespace("demo").AddDeployment("web", "ghcr.io/acme/web:1.0.0");
        Assert.Throws<ManifestDefinitionException>(() => web.Expose());
    }

    [Fact]
    public void Autoscaler_owns_the_replica_count_and_budget_selects_the_pods()
    {
        var app = new App("demo");
        app.AddNamespace("demo").AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithAutoscaling(2, 5, 60).WithDisruptionBudget(minAvailable: 1);
        var objects = app.Build();

        Assert.Null(objects.Single<V1Deployment>("api").Spec.Replicas);
        var hpa = objects.Single<V2HorizontalPodAutoscaler>("api");
        Assert.Equal((2, 5), (hpa.Spec.MinReplicas, hpa.Spec.MaxReplicas));
        Assert.Equal(("Deployment", "api"), (hpa.Spec.ScaleTargetRef.Kind, hpa.Spec.ScaleTargetRef.Name));
        Assert.Equal(60, hpa.Spec.Metrics[0].Resource.Target.AverageUtilization);
        var pdb = objects.Single<V1PodDisruptionBudget>("api");
        Assert.Equal("1", pdb.Spec.MinAvailable.Value);
        Assert.Equal(objects.Single<V1Deployment>("api").Spec.Selector.MatchLabels, pdb.Spec.Selector.MatchLabels);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(4, 3)]
    public void Autoscaler_bounds_are_validated(int min, int max)
    {
        var api = new App("demo").AddNamespace("demo").AddDeployment("api", "ghcr.io/acme/api:1.0.0");
        Assert.Throws<ManifestDefinitionException>(() => api.WithAutoscaling(min, max));
        Assert.Throws<ManifestDefinitionException>(() => api.WithDisruptionBudget());
        Assert.Throws<ManifestDefinitionException>(() => api.WithDisruptionBudget(1, 1));
    }

    [Fact]
    public void Ingress_requires_tls_and_routes_to_exposed_ports()
    {
        var app = new App("demo");
        var ns = app.AddNamespace("demo");
        var service = ns.AddDeployment("web", "ghcr.io/acme/web:1.0.0").WithPort("http", 8080).Expose();
        ns.AddIngress("web", "shop.example.com", "shop-tls").WithClassName("nginx").Route("/", service, "http");

        var ingress = app.Build().Single<V1Ingress>("web");
        Assert.Equal("shop-tls", Assert.Single(ingress.Spec.Tls).SecretName);
        Assert.Equal(["shop.example.com"], ingress.Spec.Tls[0].Hosts);
        var path = ingress.Spec.Rules[0].Http.Paths[0];
        Assert.Equal(("web", "http", "Prefix"), (path.Backend.Service.Name, path.Backend.Service.Port.Name, path.PathType));
        Assert.Throws<ManifestDefinitionException>(() => ns.AddIngress("bad", "shop.example.com", "tls").Route("/", service, "grpc"));
    }

    [Fact]
    public void An_ingress_without_routes_fails_the_build()
    {
        var app = new App("demo");
        app.AddNamespace("demo").AddIngress("web", "shop.example.com", "tls");
        Assert.Throws<ManifestDefinitionException>(() => app.Build());
    }

    [Fact]
    public void Sidecars_and_init_containers_get_the_same_secure_settings()
    {
        var app = new App("demo");
        app.AddNamespace("demo").AddDeployment("api", "ghcr.io/acme/api:1.0.0")
            .WithSidecar("proxy", "ghcr.io/acme/proxy:2.0.0", c => c.WithPort("proxy", 15000).WithWritablePath("/tmp"))
            .WithInitContainer("migrate", "ghcr.io/acme/migrate:1.0.0");
        var pod = app.Build().PodSpec("api");

        Assert.Equal(["api", "proxy"], pod.Containers.Select(c => c.Name));
        Assert.Equal("migrate", Assert.Single(pod.InitContainers).Name);
        Assert.All(pod.Containers.Concat(pod.InitContainers), c =>
        {
            Assert.True(c.SecurityContext.ReadOnlyRootFilesystem);
            Assert.False(c.SecurityContext.AllowPrivilegeEscalation);
            Assert.Equal(["ALL"], c.SecurityContext.Capabilities.Drop);
            Assert.NotNull(c.Resources.Requests["cpu"]);
        });
    }

    [Fact]
    public void Env_from_config_maps_and_secrets_uses_references()
    {
        var app = new App("demo");
        var ns = app.AddNamespace("demo");
        var settings = ns.AddConfigMap("settings").With("LEVEL", "info");
        var secret = ns.AddExternalSecret("db", "password");
        var api = ns.AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithEnv("LEVEL", settings, "LEVEL").WithSecretEnv("DB_PASSWORD", secret, "password");
        Assert.Throws<ManifestDefinitionException>(() => api.WithEnv("OTHER", settings, "missing"));
        Assert.Throws<ManifestDefinitionException>(() => api.WithSecretEnv("OTHER", secret, "missing"));

        var env = app.Build().MainContainer("api").Env;
        Assert.Equal(("settings", "LEVEL"), (env[0].ValueFrom.ConfigMapKeyRef.Name, env[0].ValueFrom.ConfigMapKeyRef.Key));
        Assert.Equal(("db", "password"), (env[1].ValueFrom.SecretKeyRef.Name, env[1].ValueFrom.SecretKeyRef.Key));
        Assert.Null(env[1].Value);
    }

    [Fact]
    public void Raw_objects_join_the_output_with_recommended_labels()
    {
        var app = new App("demo");
        var ns = app.AddNamespace("demo");
        ns.Add(new V1LimitRange { ApiVersion = "v1", Kind = "LimitRange", Metadata = new V1ObjectMeta { Name = "limits" } });
        app.Add(new V1PriorityClass { ApiVersion = "scheduling.k8s.io/v1", Kind = "PriorityClass", Metadata = new V1ObjectMeta { Name = "high" }, Value = 1000 });
        var objects = app.Build();

        var limits = objects.Single<V1LimitRange>("limits");
        Assert.Equal("demo", limits.Metadata.NamespaceProperty);
        Assert.Equal("demo", limits.Metadata.Labels["app.kubernetes.io/part-of"]);
        Assert.Null(objects.Single<V1PriorityClass>("high").Metadata.NamespaceProperty);
    }
}

public class RawObjectIdentityTests
{
    [Fact]
    public void A_raw_model_without_apiVersion_and_kind_takes_them_from_its_type()
    {
        var app = new App("demo");
        app.AddNamespace("demo").Add(new V1LimitRange { Metadata = new V1ObjectMeta { Name = "limits" } });
        app.Add(new V1PriorityClass { Metadata = new V1ObjectMeta { Name = "high" }, Value = 1000 });

        var yaml = string.Concat(SecureManifests.Synthesis.Synthesizer.Render(app, new SecureManifests.Synthesis.SynthOptions()).Files.Select(f => f.Content));

        Assert.Contains("apiVersion: v1\nkind: LimitRange\n", yaml, StringComparison.Ordinal);
        Assert.Contains("apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void What_the_author_wrote_is_kept()
    {
        var app = new App("demo");
        app.Add(new V1PriorityClass { ApiVersion = "scheduling.k8s.io/v1", Kind = "PriorityClass", Metadata = new V1ObjectMeta { Name = "high" }, Value = 1 });

        var priority = app.Build().Single<V1PriorityClass>("high");
        Assert.Equal(("scheduling.k8s.io/v1", "PriorityClass"), (priority.ApiVersion, priority.Kind));
    }
}

public class CustomObjectTests
{
    [Fact]
    public void A_custom_resource_joins_the_output_and_serializes_its_body()
    {
        var app = new App("demo");
        var certificate = new CustomObject("cert-manager.io/v1", "Certificate", "shop-tls")
        {
            Spec = new System.Text.Json.Nodes.JsonObject { ["secretName"] = "shop-tls", ["dnsNames"] = new System.Text.Json.Nodes.JsonArray("shop.example.com") },
        };
        app.AddNamespace("demo").Add(certificate);

        var built = Assert.Single(app.Build().OfType<CustomObject>());
        var json = k8s.KubernetesJson.Serialize(built);
        Assert.Contains("\"kind\":\"Certificate\"", json, StringComparison.Ordinal);
        Assert.Contains("\"namespace\":\"demo\"", json, StringComparison.Ordinal);
        Assert.Contains("\"secretName\":\"shop-tls\"", json, StringComparison.Ordinal);
    }
}
