using k8s.Models;
using SecureManifests.Model;

namespace SecureManifests.Tests.Sdk;

public class RbacTests
{
    [Fact]
    public void A_role_is_bound_once_to_the_workloads_own_service_account()
    {
        var app = new App("demo");
        var ns = app.AddNamespace("demo");
        var settings = ns.AddConfigMap("settings").With("a", "b");
        var api = ns.AddDeployment("api", "ghcr.io/acme/api:1.0.0");
        api.Bind(ns.AddRole("settings-reader").CanRead(settings));
        var objects = app.Build();

        var rule = Assert.Single(objects.Single<V1Role>("settings-reader").Rules);
        Assert.Equal([""], rule.ApiGroups);
        Assert.Equal(["configmaps"], rule.Resources);
        Assert.Equal(["settings"], rule.ResourceNames);
        Assert.Equal(["get", "watch"], rule.Verbs);
        var binding = objects.Single<V1RoleBinding>("settings-reader");
        Assert.Equal(("Role", "settings-reader"), (binding.RoleRef.Kind, binding.RoleRef.Name));
        var subject = Assert.Single(binding.Subjects);
        Assert.Equal(("ServiceAccount", "api", "demo"), (subject.Kind, subject.Name, subject.NamespaceProperty));
    }

    [Fact]
    public void Binding_a_role_twice_is_refused()
    {
        var ns = new App("demo").AddNamespace("demo");
        var role = ns.AddRole("reader").Allow([Verb.Get], "pods");
        ns.AddDeployment("a", "ghcr.io/acme/a:1.0.0").Bind(role);

        var error = Assert.Throws<ManifestDefinitionException>(() => ns.AddDeployment("b", "ghcr.io/acme/b:1.0.0").Bind(role));
        Assert.Contains("SM3011", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unbound_or_empty_role_fails_the_build()
    {
        var app = new App("demo");
        app.AddNamespace("demo").AddRole("reader").Allow([Verb.Get], "pods");
        Assert.Contains("never bound", Assert.Throws<ManifestDefinitionException>(() => app.Build()).Message, StringComparison.Ordinal);

        var empty = new App("demo");
        var ns = empty.AddNamespace("demo");
        ns.AddDeployment("a", "ghcr.io/acme/a:1.0.0").Bind(ns.AddRole("nothing"));
        Assert.Contains("grants nothing", Assert.Throws<ManifestDefinitionException>(() => empty.Build()).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*", "")]
    [InlineData("Pods", "")]
    [InlineData("pods", "*")]
    public void Wildcards_and_malformed_resources_are_refused(string resource, string apiGroup)
    {
        var role = new App("demo").AddNamespace("demo").AddRole("r");
        Assert.Throws<ManifestDefinitionException>(() => role.Allow([Verb.Get], resource, apiGroup));
    }

    [Fact]
    public void A_cluster_role_is_granted_in_the_workloads_namespace_by_default()
    {
        var app = new App("demo");
        var api = app.AddNamespace("demo").AddDeployment("api", "ghcr.io/acme/api:1.0.0");
        api.Bind(app.AddClusterRole("node-reader").Allow([Verb.Get, Verb.List], "nodes"));
        var objects = app.Build();

        Assert.Equal(["get", "list"], objects.Single<V1ClusterRole>("node-reader").Rules[0].Verbs);
        var binding = objects.Single<V1RoleBinding>("node-reader");
        Assert.Equal("demo", binding.Metadata.NamespaceProperty);
        Assert.Equal("ClusterRole", binding.RoleRef.Kind);
        Assert.Empty(objects.OfType<V1ClusterRoleBinding>());
    }

    [Fact]
    public void A_cluster_wide_grant_is_a_cluster_role_binding()
    {
        var app = new App("demo");
        var api = app.AddNamespace("demo").AddDeployment("api", "ghcr.io/acme/api:1.0.0");
        api.BindClusterWide(app.AddClusterRole("ns-lister").Allow([Verb.List], "namespaces"));

        var binding = app.Build().Single<V1ClusterRoleBinding>("ns-lister");
        Assert.Equal("api", binding.Subjects[0].Name);
        Assert.Null(binding.Metadata.NamespaceProperty);
    }

    [Fact]
    public void A_role_binds_only_workloads_of_its_namespace()
    {
        var app = new App("demo");
        var role = app.AddNamespace("a").AddRole("reader").Allow([Verb.Get], "pods");
        var workload = app.AddNamespace("b").AddDeployment("w", "ghcr.io/acme/w:1.0.0");

        Assert.Throws<ManifestDefinitionException>(() => workload.Bind(role));
    }
}
