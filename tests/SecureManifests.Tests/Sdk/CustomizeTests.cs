using k8s.Models;
using SecureManifests.Defaults;
using SecureManifests.Model;
using SecureManifests.Rules;
using SecureManifests.Synthesis;

namespace SecureManifests.Tests.Sdk;

/// <summary><c>Customize</c>: typed changes after the defaults, judged by the same checks as everything else.</summary>
public class CustomizeTests
{
    private const string Reason = "the vendor agent needs it; ticket SEC-9";

    private static (App App, Namespace Ns, Deployment Api) Api()
    {
        var app = new App("demo");
        var ns = app.AddNamespace("demo");
        return (app, ns, ns.AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithPort("http", 8080));
    }

    [Fact]
    public void Customize_runs_after_the_defaults_on_the_emitted_object()
    {
        var (app, _, api) = Api();
        V1SecurityContext? seen = null;
        api.Customize(d =>
        {
            seen = d.Spec.Template.Spec.Containers[0].SecurityContext;
            d.Spec.MinReadySeconds = 10;
            d.Spec.Template.Spec.EnableServiceLinks = false;
        });

        var synth = Synth.Render(app);
        Assert.True(seen!.ReadOnlyRootFilesystem);
        Assert.Equal(10, synth.Single<V1Deployment>("api").Spec.MinReadySeconds);
        Assert.False(synth.Pod("api").EnableServiceLinks);
        Assert.Contains("minReadySeconds: 10\n", synth.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void An_insecure_customization_fails_the_synth()
    {
        var (app, _, api) = Api();
        api.Customize(d => d.Spec.Template.Spec.Containers[0].SecurityContext.Privileged = true);

        var failure = Assert.Throws<SynthesisFailedException>(() => Synth.Render(app));
        Assert.Contains(failure.Blocking, f => f.RuleId == RuleIds.PrivilegedContainer);
    }

    [Fact]
    public void An_insecure_customization_passes_when_a_relaxation_with_a_reason_covers_it()
    {
        var (app, _, api) = Api();
        api.Customize(d => d.Spec.Template.Spec.HostNetwork = true).Allow(Relaxation.HostNetwork, Reason);

        var synth = Synth.Render(app);
        Assert.True(synth.Pod("api").HostNetwork);
        Assert.Equal(Reason, synth.Single<V1Deployment>("api").Annotations()["securemanifests.io/ignore-SM1002"]);
        Assert.Equal("privileged", synth.Single<V1Namespace>("demo").Metadata.Labels["pod-security.kubernetes.io/enforce"]);
    }

    [Fact]
    public void A_customized_host_path_passes_only_with_the_host_path_relaxation()
    {
        var (app, _, api) = Api();
        api.Customize(d => d.Spec.Template.Spec.Volumes = [new V1Volume { Name = "logs", HostPath = new V1HostPathVolumeSource { Path = "/var/log" } }]);
        Assert.Contains(Assert.Throws<SynthesisFailedException>(() => Synth.Render(app)).Blocking, f => f.RuleId == RuleIds.HostPathVolume);

        var (relaxedApp, _, relaxed) = Api();
        relaxed.WithHostPathVolume("/var/log", "/host/logs", Reason)
            .Customize(d => d.Spec.Template.Spec.Volumes[0].HostPath.Type = "Directory");
        Assert.Equal("Directory", Synth.Render(relaxedApp).Pod("api").Volumes[0].HostPath.Type);
    }

    [Fact]
    public void Customize_cannot_write_or_remove_waivers()
    {
        var (app, _, api) = Api();
        api.Customize(d => d.Spec.Template.Metadata.Annotations = new Dictionary<string, string> { ["securemanifests.io/ignore-SM1001"] = "because" });
        var written = Assert.Throws<ManifestDefinitionException>(() => app.Build());
        Assert.Equal(("Deployment demo/api", "Customize"), (written.ObjectReference, written.Field));

        var (relaxedApp, _, relaxed) = Api();
        relaxed.Allow(Relaxation.WritableRootFilesystem, Reason).Customize(d => d.Metadata.Annotations.Clear());
        Assert.Contains("waivers", Assert.Throws<ManifestDefinitionException>(() => relaxedApp.Build()).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Customize_cannot_rename_or_move_the_object()
    {
        var (app, _, api) = Api();
        api.Customize(d => d.Metadata.NamespaceProperty = "default");

        Assert.Contains("identity", Assert.Throws<ManifestDefinitionException>(() => app.Build()).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_customization_is_a_definition_error_naming_the_object()
    {
        var (app, _, api) = Api();
        api.Customize(d => d.Spec.Template.Spec.InitContainers.Add(new V1Container()));

        var error = Assert.Throws<ManifestDefinitionException>(() => app.Build());
        Assert.Equal(("Deployment demo/api", "Customize"), (error.ObjectReference, error.Field));
        Assert.Contains("NullReferenceException", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_sdk_object_can_be_customized()
    {
        var app = new App("demo");
        var ns = app.AddNamespace("demo").Customize(n => n.Metadata.Annotations = new Dictionary<string, string> { ["cost.example.com/team"] = "payments" });
        var config = ns.AddConfigMap("settings").With("a", "1").Customize(c => c.Immutable = true);
        var api = ns.AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithPort("http", 8080)
            .CustomizeServiceAccount(sa => sa.Metadata.Annotations = new Dictionary<string, string> { ["eks.amazonaws.com/role-arn"] = "arn:aws:iam::1:role/api" });
        var service = api.Expose().Customize(s => s.Spec.SessionAffinity = "ClientIP");
        ns.AddIngress("api", "api.example.com", "api-tls").Route("/", service, "http").Customize(i => i.Metadata.Annotations = new Dictionary<string, string> { ["nginx.ingress.kubernetes.io/proxy-body-size"] = "8m" });
        ns.AddStatefulSet("db", "ghcr.io/acme/db:1.0.0").Customize(s => s.Spec.PodManagementPolicy = "Parallel");
        ns.AddDaemonSet("agent", "ghcr.io/acme/agent:1.0.0").Customize(d => d.Spec.MinReadySeconds = 5);
        ns.AddJob("migrate", "ghcr.io/acme/migrate:1.0.0").Customize(j => j.Spec.Completions = 1);
        ns.AddCronJob("report", "0 1 * * *", "ghcr.io/acme/report:1.0.0").Customize(c => c.Spec.SuccessfulJobsHistoryLimit = 1);
        api.Bind(ns.AddRole("reader").CanRead(config).Customize(r => r.Metadata.Annotations = new Dictionary<string, string> { ["owner"] = "platform" }));
        api.Bind(app.AddClusterRole("node-reader").Allow([Verb.Get], "nodes").Customize(r => r.Metadata.Annotations = new Dictionary<string, string> { ["owner"] = "platform" }));

        var synth = Synth.Render(app);
        Assert.Equal("payments", synth.Single<V1Namespace>("demo").Annotations()["cost.example.com/team"]);
        Assert.True(synth.Single<V1ConfigMap>("settings").Immutable);
        Assert.Equal("arn:aws:iam::1:role/api", synth.Single<V1ServiceAccount>("api").Annotations()["eks.amazonaws.com/role-arn"]);
        Assert.Equal("ClientIP", synth.Single<V1Service>("api").Spec.SessionAffinity);
        Assert.Equal("8m", synth.Single<V1Ingress>("api").Annotations()["nginx.ingress.kubernetes.io/proxy-body-size"]);
        Assert.Equal("Parallel", synth.Single<V1StatefulSet>("db").Spec.PodManagementPolicy);
        Assert.Equal(5, synth.Single<V1DaemonSet>("agent").Spec.MinReadySeconds);
        Assert.Equal(1, synth.Single<V1Job>("migrate").Spec.Completions);
        Assert.Equal(1, synth.Single<V1CronJob>("report").Spec.SuccessfulJobsHistoryLimit);
        Assert.Equal("platform", synth.Single<V1Role>("reader").Annotations()["owner"]);
        Assert.Equal("platform", synth.Single<V1ClusterRole>("node-reader").Annotations()["owner"]);
        Assert.Null(synth.Single<V1RoleBinding>("reader").Metadata.Annotations);
    }

    [Fact]
    public void A_namespace_customization_cannot_lower_pod_security()
    {
        var app = new App("demo");
        app.AddNamespace("demo").Customize(n => n.Metadata.Labels["pod-security.kubernetes.io/enforce"] = "baseline");

        var error = Assert.Throws<ManifestDefinitionException>(() => app.Build());
        Assert.Equal(("Namespace demo", "Customize"), (error.ObjectReference, error.Field));
    }

    [Fact]
    public void A_customized_service_type_is_still_reported_by_SM4005()
    {
        var (app, _, api) = Api();
        api.Expose().Customize(s => s.Spec.Type = "LoadBalancer");

        Assert.Contains(Synth.Render(app, RuleProfile.All).Findings, f => f.RuleId == RuleIds.ExposedService && f.Path == "spec.type");
    }
}
