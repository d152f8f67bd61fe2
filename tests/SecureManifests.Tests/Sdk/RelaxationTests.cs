using k8s.Models;
using SecureManifests.Defaults;
using SecureManifests.Rules;
using SecureManifests.Synthesis;

namespace SecureManifests.Tests.Sdk;

public class RelaxationTests
{
    private const string Reason = "vendor image needs it; ticket OPS-42";

    private static (IReadOnlyList<k8s.IKubernetesObject> Objects, V1Deployment Deployment) Build(Action<Model.Deployment> relax)
    {
        var app = new App("demo");
        var deployment = app.AddNamespace("demo").AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithPort("http", 8080);
        relax(deployment);
        var objects = app.Build();
        return (objects, objects.Single<V1Deployment>("api"));
    }

    [Fact]
    public void A_relaxed_app_synthesizes_because_waived_findings_never_block_or_reach_it()
    {
        var app = new App("demo");
        app.AddNamespace("demo").AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithPort("http", 8080).Allow(Relaxation.Privileged, Reason);

        var result = Synthesizer.Render(app, new SynthOptions { FailOn = RuleSeverity.Info });

        Assert.DoesNotContain(result.Findings, f => f.IsSuppressed);
        var waived = new RuleEngine().Evaluate(app.Build(), new RuleEngineOptions { ReportWaived = true })
            .Where(f => f.IsSuppressed).Select(f => f.RuleId);
        Assert.Contains("SM1001", waived);
    }

    public static TheoryData<Relaxation, string[], string> Relaxations => new()
    {
        { Relaxation.Privileged, ["SM1001", "SM1007"], "privileged" },
        { Relaxation.HostNetwork, ["SM1002"], "privileged" },
        { Relaxation.HostPid, ["SM1002"], "privileged" },
        { Relaxation.HostIpc, ["SM1002"], "privileged" },
        { Relaxation.WritableRootFilesystem, ["SM1019"], "restricted" },
        { Relaxation.PrivilegeEscalation, ["SM1007"], "baseline" },
        { Relaxation.RunAsRoot, ["SM1008", "SM1009"], "baseline" },
        { Relaxation.ServiceAccountToken, ["SM1020"], "restricted" },
        { Relaxation.UnconfinedSeccomp, ["SM1010", "SM1011"], "privileged" },
        { Relaxation.MutableImageTag, ["SM2001"], "restricted" },
    };

    [Theory]
    [MemberData(nameof(Relaxations))]
    public void Each_relaxation_is_written_as_ignore_annotations_with_its_reason(Relaxation relaxation, string[] ruleIds, string enforcedLevel)
    {
        var (objects, deployment) = Build(d => d.Allow(relaxation, Reason));

        var waivers = deployment.Annotations().Where(a => a.Key.StartsWith(WellKnownAnnotations.IgnorePrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(ruleIds.Select(WellKnownAnnotations.IgnoreKey), waivers.Select(a => a.Key));
        Assert.All(waivers, a => Assert.Equal(Reason, a.Value));
        Assert.Equal(enforcedLevel, objects.Single<V1Namespace>("demo").Metadata.Labels["pod-security.kubernetes.io/enforce"]);
        Assert.Equal("restricted", objects.Single<V1Namespace>("demo").Metadata.Labels["pod-security.kubernetes.io/warn"]);
    }

    [Fact]
    public void Privileged_sets_privileged_and_allows_escalation_as_the_api_requires()
    {
        var context = Build(d => d.Allow(Relaxation.Privileged, Reason)).Deployment.Spec.Template.Spec.Containers[0].SecurityContext;

        Assert.True(context.Privileged);
        Assert.True(context.AllowPrivilegeEscalation);
    }

    [Fact]
    public void Privileged_namespace_records_why_pod_security_is_not_enforced()
    {
        var ns = Build(d => d.Allow(Relaxation.HostNetwork, Reason)).Objects.Single<V1Namespace>("demo");

        Assert.Equal($"Deployment demo/api: {Reason}", ns.Annotations()["securemanifests.io/ignore-SM4007"]);
    }

    [Fact]
    public void Host_namespaces_are_set_only_when_relaxed()
    {
        var pod = Build(d => d.Allow(Relaxation.HostPid, Reason)).Deployment.Spec.Template.Spec;

        Assert.True(pod.HostPID);
        Assert.Null(pod.HostNetwork);
        Assert.Null(pod.HostIPC);
    }

    [Fact]
    public void Run_as_root_writes_run_as_non_root_false()
    {
        var pod = Build(d => d.Allow(Relaxation.RunAsRoot, Reason)).Deployment.Spec.Template.Spec;

        Assert.False(pod.SecurityContext.RunAsNonRoot);
    }

    [Fact]
    public void Unconfined_seccomp_is_written_explicitly()
    {
        var pod = Build(d => d.Allow(Relaxation.UnconfinedSeccomp, Reason)).Deployment.Spec.Template.Spec;

        Assert.Equal("Unconfined", pod.SecurityContext.SeccompProfile.Type);
    }

    [Fact]
    public void Net_bind_service_is_added_without_a_waiver_because_restricted_allows_it()
    {
        var (objects, deployment) = Build(d => d.AllowCapability("NET_BIND_SERVICE", "binds port 80"));

        Assert.Equal(["NET_BIND_SERVICE"], deployment.Spec.Template.Spec.Containers[0].SecurityContext.Capabilities.Add);
        Assert.Equal(["ALL"], deployment.Spec.Template.Spec.Containers[0].SecurityContext.Capabilities.Drop);
        Assert.Empty(deployment.Annotations());
        Assert.Equal("restricted", objects.Single<V1Namespace>("demo").Metadata.Labels["pod-security.kubernetes.io/enforce"]);
    }

    [Fact]
    public void A_baseline_capability_is_waived_for_restricted_only()
    {
        var (objects, deployment) = Build(d => d.AllowCapability("CAP_CHOWN", Reason));

        Assert.Equal(["CHOWN"], deployment.Spec.Template.Spec.Containers[0].SecurityContext.Capabilities.Add);
        Assert.Equal(["securemanifests.io/ignore-SM1006"], deployment.Annotations().Keys);
        Assert.Equal("baseline", objects.Single<V1Namespace>("demo").Metadata.Labels["pod-security.kubernetes.io/enforce"]);
    }

    [Fact]
    public void A_dangerous_capability_is_waived_for_baseline_and_restricted()
    {
        var (objects, deployment) = Build(d => d.AllowCapability("NET_ADMIN", Reason));

        Assert.Equal(["securemanifests.io/ignore-SM1005", "securemanifests.io/ignore-SM1006"], deployment.Annotations().Keys.Order(StringComparer.Ordinal));
        Assert.Equal("privileged", objects.Single<V1Namespace>("demo").Metadata.Labels["pod-security.kubernetes.io/enforce"]);
    }

    [Fact]
    public void Host_path_volume_is_mounted_read_only_and_waived()
    {
        var (_, deployment) = Build(d => d.WithHostPathVolume("/var/log", "/host/log", Reason));

        var volume = Assert.Single(deployment.Spec.Template.Spec.Volumes);
        Assert.Equal("/var/log", volume.HostPath.Path);
        Assert.True(Assert.Single(deployment.Spec.Template.Spec.Containers[0].VolumeMounts).ReadOnlyProperty);
        Assert.Contains("securemanifests.io/ignore-SM1003", deployment.Annotations().Keys);
        Assert.Contains("securemanifests.io/ignore-SM1018", deployment.Annotations().Keys);
    }

    [Fact]
    public void Host_port_is_waived()
    {
        var (_, deployment) = Build(d => d.WithHostPort("http", 8080, Reason));

        Assert.Equal(8080, deployment.Spec.Template.Spec.Containers[0].Ports[0].HostPort);
        Assert.Equal(Reason, deployment.Annotations()["securemanifests.io/ignore-SM1004"]);
    }

    [Fact]
    public void Mutable_tags_are_accepted_only_with_a_relaxation()
    {
        var app = new App("demo");
        app.AddNamespace("demo").AddDeployment("api", "nginx:latest").Allow(Relaxation.MutableImageTag, "local demo only");

        Assert.Equal("nginx:latest", app.Build().MainContainer("api").Image);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_relaxation_without_a_reason_is_refused(string reason)
    {
        var app = new App("demo");
        var deployment = app.AddNamespace("demo").AddDeployment("api", "ghcr.io/acme/api:1.0.0");

        var error = Assert.Throws<ManifestDefinitionException>(() => deployment.Allow(Relaxation.Privileged, reason));
        Assert.Equal("Deployment demo/api", error.ObjectReference);
        Assert.Contains("reason", error.Message, StringComparison.Ordinal);
        Assert.Throws<ManifestDefinitionException>(() => deployment.AllowCapability("NET_ADMIN", reason));
        Assert.Throws<ManifestDefinitionException>(() => app.Defaults.Allow(Relaxation.HostNetwork, reason));
    }

    [Fact]
    public void Waiver_annotations_cannot_be_written_by_hand()
    {
        var app = new App("demo");
        var deployment = app.AddNamespace("demo").AddDeployment("api", "ghcr.io/acme/api:1.0.0");

        Assert.Throws<ManifestDefinitionException>(() => deployment.WithAnnotation("securemanifests.io/ignore-SM1001", "trust me"));
    }
}
