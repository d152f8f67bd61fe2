using SecureManifests.Model;

namespace SecureManifests.Tests.Sdk;

/// <summary>The production surface refuses bad input at definition time, naming the object and the field.</summary>
public class ProductionValidationTests
{
    private static Deployment Api(App? app = null) =>
        (app ?? new App("demo")).AddNamespace("demo").AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithPort("http", 8080);

    public static TheoryData<string, Action<Deployment>> Invalid => new()
    {
        { "spec.template.spec.nodeSelector[bad key!]", d => d.WithNodeSelector("bad key!", "x") },
        { "spec.template.spec.tolerations[dedicated].tolerationSeconds", d => d.Tolerate("dedicated", effect: TaintEffect.NoSchedule, tolerationSeconds: TimeSpan.FromSeconds(5)) },
        { "spec.template.spec.tolerations[-x-]", d => d.Tolerate("-x-") },
        { "spec.template.spec.affinity.nodeAffinity[zone]", d => d.AttractTo("zone", []) },
        { "spec.template.spec.affinity.nodeAffinity[zone].weight", d => d.AttractTo("zone", ["a"], weight: 101) },
        { "spec.template.spec.affinity.podAntiAffinity[api].weight", d => d.SeparateFrom(d, weight: 0) },
        { "spec.template.spec.topologySpreadConstraints[topology.kubernetes.io/zone].maxSkew", d => d.SpreadAcross(Topology.Zone, maxSkew: 0) },
        { "spec.template.spec.topologySpreadConstraints[kubernetes.io/hostname]", d => d.SpreadAcross(Topology.Hostname).SpreadAcross(Topology.Hostname) },
        { "spec.template.spec.priorityClassName", d => d.WithPriorityClass("High Priority") },
        { "spec.template.spec.runtimeClassName", d => d.WithRuntimeClass("") },
        { "spec.template.spec.terminationGracePeriodSeconds", d => d.WithTerminationGracePeriod(TimeSpan.FromSeconds(-1)) },
        { "spec.template.spec.hostAliases[10.0.0.300].ip", d => d.WithHostAlias("10.0.0.300", "db") },
        { "spec.template.spec.hostAliases[10.0.0.3].hostnames", d => d.WithHostAlias("10.0.0.3") },
        { "spec.template.spec.dnsConfig.nameservers[dns.example.com]", d => d.WithDnsNameservers("dns.example.com") },
        { "spec.template.spec.dnsConfig.nameservers", d => d.WithDnsNameservers("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4") },
        { "spec.template.spec.dnsConfig.searches[bad domain]", d => d.WithDnsSearches("bad domain") },
        { "spec.template.spec.dnsConfig.options[ndots]", d => d.WithDnsOption("ndots", "1").WithDnsOption("ndots", "2") },
        { "spec.template.metadata.annotations[securemanifests.io/ignore-SM1001]", d => d.WithPodAnnotation("securemanifests.io/ignore-SM1001", "why not") },
        { "spec.strategy.rollingUpdate", d => d.WithRollingUpdate(PercentOrAbsolute.Absolute(0), PercentOrAbsolute.Percent(0)) },
        { "spec.revisionHistoryLimit", d => d.WithRevisionHistoryLimit(-1) },
        { "volumes[Data].persistentVolumeClaim.metadata.name", d => d.WithVolumeClaim("Data", "/data", "1Gi") },
        { "volumes[data].persistentVolumeClaim.spec.resources.requests.storage", d => d.WithVolumeClaim("data", "/data", "lots") },
        { "volumes[data].persistentVolumeClaim", d => d.WithVolumeClaim("data", "/data", "1Gi").WithVolumeClaim("data", "/data2", "1Gi") },
        { "volumes[x_y].persistentVolumeClaim.claimName", d => d.WithExistingVolumeClaim("x_y", "/x") },
        { "containers[api].env[POD=NAME].name", d => d.WithEnvFromField("POD=NAME", EnvFieldPath.PodName) },
        { "containers[api].env[POD].valueFrom.fieldRef.fieldPath", d => d.WithEnvFromField("POD", (EnvFieldPath)42) },
        { "containers[api].env[MEM].valueFrom.resourceFieldRef.divisor", d => d.WithEnvFromResource("MEM", ResourceFieldPath.MemoryLimit, "0") },
        { "containers[api].imagePullPolicy", d => d.WithImagePullPolicy((ImagePullPolicy)7) },
        { "containers[api].lifecycle.preStop.httpGet.port", d => d.WithPreStop(LifecycleHandler.Http("/drain", "admin")) },
        { "containers[api].lifecycle.postStart", d => d.WithPostStart(LifecycleHandler.Exec("a")).WithPostStart(LifecycleHandler.Exec("b")) },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Bad_input_is_refused_naming_object_and_field(string field, Action<Deployment> define)
    {
        var api = Api();

        var error = Assert.Throws<ManifestDefinitionException>(() => define(api));

        Assert.Equal("Deployment demo/api", error.ObjectReference);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Dns_policy_none_without_nameservers_is_refused_when_the_app_is_built()
    {
        var app = new App("demo");
        Api(app).WithDnsPolicy(DnsPolicy.None);

        Assert.Equal("spec.template.spec.dnsConfig.nameservers", Assert.Throws<ManifestDefinitionException>(() => app.Build()).Field);
    }

    [Fact]
    public void Env_from_the_same_config_map_twice_and_a_bad_prefix_are_refused()
    {
        var app = new App("demo");
        var api = Api(app);
        var config = app.Namespaces[0].AddConfigMap("settings").With("a", "1");

        Assert.Equal("containers[api].envFrom[settings].prefix", Assert.Throws<ManifestDefinitionException>(() => api.WithEnvFrom(config, "A=")).Field);
        api.WithEnvFrom(config);
        Assert.Equal("containers[api].envFrom[settings]", Assert.Throws<ManifestDefinitionException>(() => api.WithEnvFrom(config)).Field);
    }

    [Fact]
    public void Pull_secrets_and_affinity_peers_must_belong_to_the_app_and_namespace()
    {
        var app = new App("demo");
        var api = Api(app);
        var elsewhere = app.AddNamespace("other").AddExternalSecret("pull");
        var foreign = new App("foreign").AddNamespace("demo").AddDeployment("x", "ghcr.io/acme/x:1.0.0");

        Assert.Equal("spec.template.spec.imagePullSecrets[pull]", Assert.Throws<ManifestDefinitionException>(() => api.WithImagePullSecret(elsewhere)).Field);
        Assert.Equal("spec.template.spec.affinity.podAffinity[x]", Assert.Throws<ManifestDefinitionException>(() => api.ColocateWith(foreign)).Field);
    }

    [Fact]
    public void Exposing_outside_the_cluster_needs_a_reason_and_one_service_type()
    {
        var service = Api().Expose();

        var blank = Assert.Throws<ManifestDefinitionException>(() => service.AsLoadBalancer("  "));
        Assert.Equal(("Service demo/api", "spec.type"), (blank.ObjectReference, blank.Field));
        Assert.Equal("spec.loadBalancerSourceRanges[10.0.0.0/33]", Assert.Throws<ManifestDefinitionException>(() => service.AsLoadBalancer("why", "10.0.0.0/33")).Field);
        service.AsHeadless();
        Assert.Contains("already headless", Assert.Throws<ManifestDefinitionException>(() => service.AsNodePort("why")).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Stateful_set_partition_must_not_be_negative()
    {
        var set = new App("demo").AddNamespace("demo").AddStatefulSet("db", "ghcr.io/acme/db:1.0.0");

        Assert.Equal("spec.updateStrategy.rollingUpdate.partition", Assert.Throws<ManifestDefinitionException>(() => set.WithRollingUpdate(-1)).Field);
    }

    [Fact]
    public void Value_factories_refuse_out_of_range_input()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PercentOrAbsolute.Percent(101));
        Assert.Throws<ArgumentOutOfRangeException>(() => PercentOrAbsolute.Absolute(-1));
        Assert.Throws<ArgumentException>(() => LifecycleHandler.Exec());
        Assert.Throws<ArgumentException>(() => LifecycleHandler.Http("drain", "http"));
        Assert.Throws<ArgumentOutOfRangeException>(() => LifecycleHandler.Sleep(TimeSpan.Zero));
        Assert.Throws<ArgumentException>(() => Topology.Custom("not a key"));
    }
}
