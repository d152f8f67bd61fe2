using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SecureManifests.CustomResources;
using SecureManifests.Model;
using SecureManifests.Rules;
using static SecureManifests.Tests.Rules.TestObjects;

namespace SecureManifests.Tests.Rules;

/// <summary>
/// Pods of kinds without a typed model, through the public engine: the built-in DeploymentConfig and Rollout, and a kind
/// added through <see cref="RuleEngineOptions.PodTemplateKinds"/>, are checked like a Deployment, at their own paths.
/// </summary>
public sealed class PodTemplateKindTests
{
    public static TheoryData<string> Breaks => new() { "privileged", "hostNetwork", "no memory limit", "runAsUser 0" };

    private static void Break(string change, V1PodSpec spec)
    {
        switch (change)
        {
            case "privileged": App(spec).SecurityContext.Privileged = true; break;
            case "hostNetwork": spec.HostNetwork = true; break;
            case "no memory limit": App(spec).Resources.Limits.Clear(); break;
            case "runAsUser 0": App(spec).SecurityContext.RunAsUser = 0; break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }
    }

    /// <summary>An object of <paramref name="apiVersion"/>/<paramref name="kind"/> whose <c>spec.template</c> is the Deployment's template.</summary>
    private static CustomObject WithTemplateOf(V1Deployment deployment, string apiVersion, string kind, string field = "template")
    {
        var custom = new CustomObject(apiVersion, kind, deployment.Metadata.Name);
        custom.Metadata.NamespaceProperty = deployment.Metadata.NamespaceProperty;
        custom.Metadata.Labels = deployment.Metadata.Labels;
        custom.Spec = new JsonObject { [field] = JsonNode.Parse(KubernetesJson.Serialize(deployment.Spec.Template)) };
        return custom;
    }

    private static CustomObject Rollout(string specJson)
    {
        var rollout = new CustomObject("argoproj.io/v1alpha1", "Rollout", "api") { Spec = JsonNode.Parse(specJson)!.AsObject() };
        rollout.Metadata.NamespaceProperty = "shop";
        return rollout;
    }

    private static IEnumerable<(string RuleId, string Path, string? Container, string Message)> Seen(IEnumerable<Finding> findings, string kind) =>
        findings.Where(f => f.RuleId != RuleIds.SelectorMismatch)
            .Select(f => (f.RuleId, f.Path, f.Container, f.Message.Replace(kind + " shop/api", "WORKLOAD shop/api", StringComparison.Ordinal)))
            .Order();

    [Theory]
    [MemberData(nameof(Breaks))]
    public void DeploymentConfig_and_Rollout_pods_are_flagged_exactly_like_the_Deployment_they_copy(string change)
    {
        var deployment = SecureDeployment(spec => Break(change, spec));
        var expected = Seen(Evaluate(deployment), "Deployment").ToList();
        Assert.NotEmpty(expected);

        foreach (var (apiVersion, kind) in new[] { ("apps.openshift.io/v1", "DeploymentConfig"), ("argoproj.io/v1alpha1", "Rollout") })
        {
            var findings = Evaluate(WithTemplateOf(deployment, apiVersion, kind));
            Assert.Equal(expected, Seen(findings, kind));
        }
    }

    [Fact]
    public void A_kind_added_to_the_options_is_checked_at_its_path_in_every_version_of_its_group()
    {
        var deployment = SecureDeployment(spec => App(spec).SecurityContext.Privileged = true);
        var options = new RuleEngineOptions();
        Assert.DoesNotContain(Evaluate(options, WithTemplateOf(deployment, "example.com/v1", "Widget", "podTemplate")), f => f.RuleId == RuleIds.PrivilegedContainer);

        options.PodTemplateKinds.Add(new PodTemplateKind("example.com", "Widget", "spec.podTemplate"));

        foreach (var version in new[] { "example.com/v1", "example.com/v2beta1" })
        {
            var finding = Assert.Single(Evaluate(options, WithTemplateOf(deployment, version, "Widget", "podTemplate")), f => f.RuleId == RuleIds.PrivilegedContainer);
            Assert.Equal("spec.podTemplate.spec.containers[0].securityContext.privileged", finding.Path);
            Assert.Equal("Widget", finding.Kind);
        }

        Assert.DoesNotContain(Evaluate(options, WithTemplateOf(deployment, "other.example.com/v1", "Widget", "podTemplate")), f => f.RuleId == RuleIds.PrivilegedContainer);
    }

    [Fact]
    public void A_kind_can_hold_a_bare_pod_spec()
    {
        var options = new RuleEngineOptions();
        options.PodTemplateKinds.Add(new PodTemplateKind("example.com", "Runner", "spec.pod", PodTemplateShape.PodSpec));
        var spec = SecurePodSpec();
        spec.HostNetwork = true;
        var runner = new CustomObject("example.com/v1", "Runner", "api") { Spec = new JsonObject { ["pod"] = JsonNode.Parse(KubernetesJson.Serialize(spec)) } };
        runner.Metadata.NamespaceProperty = "shop";

        var finding = Assert.Single(Evaluate(options, runner), f => f.RuleId == RuleIds.HostNamespaces);

        Assert.Equal("spec.pod.hostNetwork", finding.Path);
    }

    [Fact]
    public void A_Rollout_that_points_at_a_Deployment_has_no_pod_of_its_own_and_is_no_error()
    {
        var rollout = Rollout("""{"replicas": 2, "workloadRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "api"}}""");

        Assert.Empty(Evaluate(rollout));
    }

    [Fact]
    public void Services_and_policies_select_the_pods_of_a_Rollout()
    {
        var deployment = SecureDeployment();
        var service = new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = new V1ObjectMeta { Name = "api", NamespaceProperty = "shop", Labels = AppLabels() },
            Spec = new V1ServiceSpec { Selector = AppLabels(), Ports = [new V1ServicePort { Port = 80, TargetPort = "http" }] },
        };

        var together = new RuleEngine().Evaluate([WithTemplateOf(deployment, "argoproj.io/v1alpha1", "Rollout"), service, ShopDefaultDeny()], new RuleEngineOptions());
        var alone = new RuleEngine().Evaluate([WithTemplateOf(deployment, "argoproj.io/v1alpha1", "Rollout")], new RuleEngineOptions());

        Assert.Empty(together);
        var isolated = Assert.Single(alone);
        Assert.Equal((RuleIds.PodNotIsolated, "spec.template.metadata.labels"), (isolated.RuleId, isolated.Path));
    }

    [Theory]
    [InlineData("""{"template": "web"}""", "spec.template", "expected a mapping (a pod template)")]
    [InlineData("""{"template": {"spec": {"containers": {"name": "web"}}}}""", "spec.template.spec.containers", "expected a list")]
    [InlineData("""{"template": {"spec": {"containers": [{"name": "web", "ports": [{"containerPort": "http"}]}]}}}""",
        "spec.template.spec.containers[0].ports[0].containerPort", "expected an integer")]
    [InlineData("""{"template": {"spec": {"containers": [{"name": "web", "resources": {"limits": {"memory": "lots"}}}]}}}""",
        "spec.template.spec.containers[0].resources.limits.memory", "invalid value")]
    [InlineData("""{"template": {"metadata": {"labels": ["app"]}}}""", "spec.template.metadata.labels", "expected a mapping")]
    public void A_template_that_is_no_pod_template_is_an_input_problem_naming_object_and_field(string spec, string field, string problem)
    {
        var error = Assert.Throws<PodTemplateException>(() => Evaluate(Rollout(spec)));

        Assert.Equal("Rollout shop/api", error.ObjectReference);
        Assert.Equal(field, error.Field);
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
        Assert.Equal($"Rollout shop/api: {field}: {error.Problem}", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void An_object_whose_template_cannot_be_read_takes_no_index_and_the_stream_goes_on()
    {
        var evaluation = new RuleEngine().StartEvaluation();

        Assert.Throws<PodTemplateException>(() => evaluation.Add(Rollout("""{"template": 3}""")));
        Assert.Equal(0, evaluation.Count);
        var findings = evaluation.Add(SecureDeployment(spec => spec.HostPID = true)).Findings;

        Assert.Equal(0, Assert.Single(findings, f => f.RuleId == RuleIds.HostNamespaces).ObjectIndex);
    }

    [Theory]
    [InlineData("example.com", "Widget", "spec..template", "path 'spec..template' is not a field path")]
    [InlineData("example.com", "Widget", "spec.templates[0]", "no list positions")]
    [InlineData("example.com", "Widget", "", "path '' is not a field path")]
    [InlineData("example.com", "Widget", "metadata.template", "starts at the object's metadata")]
    [InlineData("example.com/v1", "Widget", "spec.template", "group 'example.com/v1' is an apiVersion; give its group only ('example.com')")]
    [InlineData("Example.COM", "Widget", "spec.template", "group 'Example.COM' is not an API group")]
    [InlineData("example.com", "my-widget", "spec.template", "pod-template kind 'my-widget': a kind is a name of letters and digits")]
    public void A_bad_description_is_refused_with_a_one_line_reason(string group, string kind, string path, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => new PodTemplateKind(group, kind, path));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain("Parameter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_and_kind_has_one_place_and_declaring_it_again_alike_changes_nothing()
    {
        var kinds = new PodTemplateKindSet();
        Assert.Equal(PodTemplateKindSet.BuiltIn, kinds);

        kinds.Add(new PodTemplateKind("argoproj.io", "Rollout", "spec.template"));
        var clash = Assert.Throws<ArgumentException>(() => kinds.Add(new PodTemplateKind("argoproj.io", "Rollout", "spec.pod")));

        Assert.Equal(2, kinds.Count);
        Assert.Equal(
            "pod-template kind Rollout (argoproj.io) at spec.pod is already declared as Rollout (argoproj.io) at spec.template: declare each group and kind once",
            clash.Message);
        Assert.Equal("spec.template", kinds.Find("argoproj.io/v1alpha1", "Rollout")!.Path);
        Assert.Null(kinds.Find("argoproj.io/v1alpha1", "AnalysisRun"));
        Assert.Null(kinds.Find("v1", "Rollout"));
    }

    [Fact]
    public void A_schema_replaces_a_built_in_place_keeps_its_first_place_and_is_refused_against_a_declared_one()
    {
        var kinds = new PodTemplateKindSet();

        kinds.AddFromSchema("argoproj.io", "Rollout", [new PodTemplateSchemaPath("spec.pod", isTemplate: false)]);
        kinds.AddFromSchema("argoproj.io", "Rollout", [new PodTemplateSchemaPath("spec.template", isTemplate: true)]);
        kinds.AddFromSchema("example.com", "Widget", [new PodTemplateSchemaPath("spec.a", isTemplate: true), new PodTemplateSchemaPath("spec.b", isTemplate: true)]);
        kinds.AddFromSchema("example.com", "Odd", [new PodTemplateSchemaPath("spec.$pod", isTemplate: true)]);
        var declared = new PodTemplateKindSet();
        declared.Add(new PodTemplateKind("example.com", "Widget", "spec.template"));
        var clash = Assert.Throws<ArgumentException>(() => declared.AddAll(kinds));
        var copy = new PodTemplateKindSet();
        copy.AddAll(kinds);

        Assert.Equal(["DeploymentConfig (apps.openshift.io) at spec.template", "Rollout (argoproj.io) at spec.pod (pod spec)", "Widget (example.com) at spec.a"], kinds.Select(k => k.ToString()));
        Assert.Equal(kinds, copy);
        Assert.StartsWith("pod-template kind Widget (example.com) at spec.a is already declared as Widget (example.com) at spec.template", clash.Message, StringComparison.Ordinal);
    }
}
