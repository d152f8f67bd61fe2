using k8s.Models;
using SecureManifests.Defaults;

namespace SecureManifests.Tests.Sdk;

public class SecureDefaultsTests
{
    private static IReadOnlyList<k8s.IKubernetesObject> BuildMinimal(Action<Model.Namespace>? extra = null)
    {
        var app = new App("demo");
        var ns = app.AddNamespace("demo");
        ns.AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithPort("http", 8080);
        extra?.Invoke(ns);
        return app.Build();
    }

    [Fact]
    public void Container_gets_read_only_root_no_escalation_and_drops_all_capabilities()
    {
        var context = BuildMinimal().MainContainer("api").SecurityContext;

        Assert.True(context.ReadOnlyRootFilesystem);
        Assert.False(context.AllowPrivilegeEscalation);
        Assert.Equal(["ALL"], context.Capabilities.Drop);
        Assert.Null(context.Capabilities.Add);
        Assert.Null(context.Privileged);
    }

    [Fact]
    public void Pod_runs_as_non_root_with_runtime_default_seccomp_and_no_token()
    {
        var pod = BuildMinimal().PodSpec("api");

        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.Equal("RuntimeDefault", pod.SecurityContext.SeccompProfile.Type);
        Assert.False(pod.AutomountServiceAccountToken);
        Assert.Null(pod.HostNetwork);
        Assert.Null(pod.HostPID);
        Assert.Null(pod.HostIPC);
    }

    [Fact]
    public void Each_workload_gets_a_dedicated_service_account_without_token_automount()
    {
        var objects = BuildMinimal(ns => ns.AddDeployment("web", "ghcr.io/acme/web:1.0.0"));

        Assert.Equal("api", objects.PodSpec("api").ServiceAccountName);
        Assert.Equal("web", objects.PodSpec("web").ServiceAccountName);
        Assert.False(objects.Single<V1ServiceAccount>("api").AutomountServiceAccountToken);
        Assert.False(objects.Single<V1ServiceAccount>("web").AutomountServiceAccountToken);
    }

    [Fact]
    public void Resources_come_from_the_standard_profile_without_cpu_limit()
    {
        var resources = BuildMinimal().MainContainer("api").Resources;

        Assert.Equal("100m", resources.Requests["cpu"].ToString());
        Assert.Equal("128Mi", resources.Requests["memory"].ToString());
        Assert.Equal("256Mi", resources.Limits["memory"].ToString());
        Assert.False(resources.Limits.ContainsKey("cpu"));
    }

    [Fact]
    public void Namespace_enforces_restricted_pod_security_with_audit_and_warn()
    {
        var labels = BuildMinimal().Single<V1Namespace>("demo").Metadata.Labels;

        Assert.Equal("restricted", labels["pod-security.kubernetes.io/enforce"]);
        Assert.Equal("restricted", labels["pod-security.kubernetes.io/audit"]);
        Assert.Equal("restricted", labels["pod-security.kubernetes.io/warn"]);
        Assert.Equal("demo", labels["kubernetes.io/metadata.name"]);
    }

    [Fact]
    public void Namespace_gets_default_deny_for_ingress_and_egress_and_dns_egress()
    {
        var objects = BuildMinimal();

        var deny = objects.Single<V1NetworkPolicy>("default-deny");
        Assert.Empty(deny.Spec.PodSelector.MatchLabels ?? new Dictionary<string, string>());
        Assert.Equal(["Ingress", "Egress"], deny.Spec.PolicyTypes);
        Assert.Null(deny.Spec.Ingress);
        Assert.Null(deny.Spec.Egress);

        var dns = objects.Single<V1NetworkPolicy>("allow-dns");
        var rule = Assert.Single(dns.Spec.Egress);
        Assert.Equal("kube-dns", Assert.Single(rule.To).PodSelector.MatchLabels["k8s-app"]);
        Assert.Equal("kube-system", rule.To[0].NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"]);
        Assert.Equal(["UDP", "TCP"], rule.Ports.Select(p => p.Protocol));
        Assert.All(rule.Ports, p => Assert.Equal("53", p.Port.Value));
    }

    [Fact]
    public void Every_object_carries_the_recommended_labels_and_is_namespaced_explicitly()
    {
        var objects = BuildMinimal(ns => ns.AddConfigMap("settings").With("a", "b"));

        foreach (var obj in objects.OfType<k8s.IKubernetesObject<V1ObjectMeta>>())
        {
            Assert.Equal("demo", obj.Metadata.Labels["app.kubernetes.io/part-of"]);
            Assert.Equal("securemanifests", obj.Metadata.Labels["app.kubernetes.io/managed-by"]);
            Assert.True(obj.Metadata.Labels.ContainsKey("app.kubernetes.io/name"), obj.Kind);
            Assert.True(obj.Metadata.Labels.ContainsKey("app.kubernetes.io/instance"), obj.Kind);
            if (obj is not V1Namespace)
            {
                Assert.Equal("demo", obj.Metadata.NamespaceProperty);
            }
        }
    }

    [Fact]
    public void Selector_is_derived_from_the_labels_and_matches_the_pod_template()
    {
        var deployment = BuildMinimal().Single<V1Deployment>("api");

        var selector = deployment.Spec.Selector.MatchLabels;
        Assert.Equal(new Dictionary<string, string> { ["app.kubernetes.io/name"] = "api", ["app.kubernetes.io/instance"] = "demo" }, selector);
        Assert.All(selector, kv => Assert.Equal(kv.Value, deployment.Spec.Template.Metadata.Labels[kv.Key]));
    }

    [Fact]
    public void Names_are_exactly_what_the_user_chose()
    {
        var objects = BuildMinimal(ns => ns.AddConfigMap("settings").With("a", "b"));

        Assert.Equal("api", objects.Single<V1Deployment>("api").Metadata.Name);
        Assert.Equal("settings", objects.Single<V1ConfigMap>("settings").Metadata.Name);
    }

    [Fact]
    public void Writable_paths_become_empty_dir_mounts()
    {
        var app = new App("demo");
        app.AddNamespace("demo").AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithWritablePath("/tmp").WithWritablePath("/var/cache/nginx", sizeLimit: "64Mi");
        var pod = app.Build().PodSpec("api");

        Assert.Equal(["writable-tmp", "writable-var-cache-nginx"], pod.Volumes.Select(v => v.Name));
        Assert.All(pod.Volumes, v => Assert.NotNull(v.EmptyDir));
        Assert.Equal("64Mi", pod.Volumes[1].EmptyDir.SizeLimit.ToString());
        Assert.Equal(["/tmp", "/var/cache/nginx"], pod.Containers[0].VolumeMounts.Select(m => m.MountPath));
        Assert.True(pod.Containers[0].SecurityContext.ReadOnlyRootFilesystem);
    }

    [Fact]
    public void Secret_volumes_are_read_only_with_mode_0400()
    {
        var app = new App("demo");
        var ns = app.AddNamespace("demo");
        var secret = ns.AddExternalSecret("db", "password");
        ns.AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithSecretFiles(secret, "/var/run/secrets/db");
        var pod = app.Build().PodSpec("api");

        var volume = Assert.Single(pod.Volumes);
        Assert.Equal("db", volume.Secret.SecretName);
        Assert.Equal(Convert.ToInt32("400", 8), volume.Secret.DefaultMode);
        Assert.True(Assert.Single(pod.Containers[0].VolumeMounts).ReadOnlyProperty);
        Assert.DoesNotContain(app.Build(), o => o is V1Secret);
    }

    [Fact]
    public void Secret_volumes_are_group_readable_0440_when_an_fs_group_is_set()
    {
        var app = new App("demo");
        app.Defaults.FsGroup = 2000;
        var ns = app.AddNamespace("demo");
        var secret = ns.AddExternalSecret("db");
        ns.AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithSecretFiles(secret, "/secrets");

        var pod = app.Build().PodSpec("api");
        Assert.Equal(Convert.ToInt32("440", 8), pod.Volumes[0].Secret.DefaultMode);
        Assert.Equal(2000, pod.SecurityContext.FsGroup);
    }

    [Fact]
    public void Jobs_are_cleaned_up_after_a_day_and_never_restart_in_place()
    {
        var app = new App("demo");
        var ns = app.AddNamespace("demo");
        ns.AddJob("migrate", "ghcr.io/acme/migrate:1.0.0");
        ns.AddCronJob("report", "0 6 * * 1", "ghcr.io/acme/report:1.0.0");
        var objects = app.Build();

        var job = objects.Single<V1Job>("migrate");
        Assert.Equal(86_400, job.Spec.TtlSecondsAfterFinished);
        Assert.Equal("Never", job.Spec.Template.Spec.RestartPolicy);
        var cron = objects.Single<V1CronJob>("report");
        Assert.Equal("Forbid", cron.Spec.ConcurrencyPolicy);
        Assert.Equal(86_400, cron.Spec.JobTemplate.Spec.TtlSecondsAfterFinished);
        Assert.True(cron.Spec.JobTemplate.Spec.Template.Spec.SecurityContext.RunAsNonRoot);
    }

    [Fact]
    public void Images_may_be_pinned_by_digest()
    {
        const string image = "ghcr.io/acme/api@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        var app = new App("demo");
        app.AddNamespace("demo").AddDeployment("api", image);

        Assert.Equal(image, app.Build().MainContainer("api").Image);
    }

    [Fact]
    public void No_relaxation_means_no_waiver_annotation_anywhere()
    {
        var objects = BuildMinimal();

        foreach (var obj in objects.OfType<k8s.IKubernetesObject<V1ObjectMeta>>())
        {
            Assert.DoesNotContain(obj.Annotations().Keys, k => k.StartsWith(WellKnownAnnotations.IgnorePrefix, StringComparison.Ordinal));
        }
    }
}
