using k8s.Models;
using SecureManifests.Defaults;

namespace SecureManifests.Tests.Sdk;

public class ScopedOverrideTests
{
    [Fact]
    public void Resource_profile_resolves_workload_then_namespace_then_app()
    {
        var app = new App("demo");
        app.Defaults.Resources = new ResourceProfile("200m", "256Mi", "512Mi");
        var quiet = app.AddNamespace("quiet");
        var busy = app.AddNamespace("busy");
        busy.Defaults.Resources = new ResourceProfile("1", "1Gi", "2Gi", cpuLimit: "2");
        quiet.AddDeployment("a", "ghcr.io/acme/a:1.0.0");
        busy.AddDeployment("b", "ghcr.io/acme/b:1.0.0");
        var c = busy.AddDeployment("c", "ghcr.io/acme/c:1.0.0");
        c.Defaults.Resources = new ResourceProfile("50m", "64Mi", "128Mi");
        var objects = app.Build();

        Assert.Equal("200m", objects.MainContainer("a").Resources.Requests["cpu"].ToString());
        Assert.Equal("1", objects.MainContainer("b").Resources.Requests["cpu"].ToString());
        Assert.Equal("2", objects.MainContainer("b").Resources.Limits["cpu"].ToString());
        Assert.Equal("50m", objects.MainContainer("c").Resources.Requests["cpu"].ToString());
        Assert.False(objects.MainContainer("c").Resources.Limits.ContainsKey("cpu"));
    }

    [Fact]
    public void Container_resources_override_only_the_values_given()
    {
        var app = new App("demo");
        app.AddNamespace("demo").AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithResources(memory: "1Gi", memoryLimit: "1Gi");

        var resources = app.Build().MainContainer("api").Resources;
        Assert.Equal("100m", resources.Requests["cpu"].ToString());
        Assert.Equal("1Gi", resources.Requests["memory"].ToString());
        Assert.Equal("1Gi", resources.Limits["memory"].ToString());
    }

    [Fact]
    public void User_and_group_ids_resolve_through_the_scopes()
    {
        var app = new App("demo");
        app.Defaults.RunAsUser = 1000;
        app.Defaults.FsGroup = 3000;
        var ns = app.AddNamespace("demo");
        ns.Defaults.RunAsUser = 2000;
        ns.AddDeployment("a", "ghcr.io/acme/a:1.0.0");
        ns.AddDeployment("b", "ghcr.io/acme/b:1.0.0").WithRunAsUser(4000, groupId: 4000);
        var objects = app.Build();

        Assert.Equal(2000, objects.PodSpec("a").SecurityContext.RunAsUser);
        Assert.Equal(3000, objects.PodSpec("a").SecurityContext.FsGroup);
        Assert.Equal(4000, objects.PodSpec("b").SecurityContext.RunAsUser);
        Assert.Equal(4000, objects.PodSpec("b").SecurityContext.RunAsGroup);
    }

    [Fact]
    public void Job_ttl_can_be_changed_per_namespace()
    {
        var app = new App("demo");
        var ns = app.AddNamespace("demo");
        ns.Defaults.JobTtlSecondsAfterFinished = 600;
        ns.AddJob("migrate", "ghcr.io/acme/migrate:1.0.0");

        Assert.Equal(600, app.Build().Single<V1Job>("migrate").Spec.TtlSecondsAfterFinished);
    }

    [Fact]
    public void A_relaxation_at_app_scope_applies_to_every_workload_and_is_recorded_on_each()
    {
        var app = new App("demo");
        app.Defaults.Allow(Relaxation.ServiceAccountToken, "all pods call the API server");
        var ns = app.AddNamespace("demo");
        ns.AddDeployment("a", "ghcr.io/acme/a:1.0.0");
        ns.AddDeployment("b", "ghcr.io/acme/b:1.0.0");
        var objects = app.Build();

        foreach (var name in new[] { "a", "b" })
        {
            Assert.True(objects.PodSpec(name).AutomountServiceAccountToken);
            Assert.Equal("all pods call the API server", objects.Single<V1Deployment>(name).Annotations()["securemanifests.io/ignore-SM1020"]);
        }
    }

    [Fact]
    public void A_relaxation_at_namespace_scope_stays_in_that_namespace()
    {
        var app = new App("demo");
        var legacy = app.AddNamespace("legacy");
        legacy.Defaults.Allow(Relaxation.WritableRootFilesystem, "legacy app writes next to its binary");
        legacy.AddDeployment("old", "ghcr.io/acme/old:1.0.0");
        app.AddNamespace("modern").AddDeployment("new", "ghcr.io/acme/new:1.0.0");
        var objects = app.Build();

        Assert.False(objects.MainContainer("old").SecurityContext.ReadOnlyRootFilesystem);
        Assert.True(objects.MainContainer("new").SecurityContext.ReadOnlyRootFilesystem);
        Assert.False(objects.Single<V1Deployment>("new").Annotations().ContainsKey("securemanifests.io/ignore-SM1019"));
    }
}
