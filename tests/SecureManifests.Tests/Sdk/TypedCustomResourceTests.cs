using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SecureManifests.Model;
using SecureManifests.Rules;
using SecureManifests.Schemas;
using SecureManifests.Synthesis;

namespace SecureManifests.Tests.Sdk;

/// <summary>
/// Objects of types generated from CRDs join an app like raw objects (namespace, recommended labels), keep to their
/// kind's scope, are checked against their schema when added, and have the pods their schema holds checked by the rules.
/// </summary>
public class TypedCustomResourceTests
{
    private static TestWidget Widget(Action<TestWidgetSpec>? change = null)
    {
        var widget = new TestWidget
        {
            Metadata = new V1ObjectMeta { Name = "gadget" },
            Spec = new TestWidgetSpec { IssuerRef = new TestIssuerReference { Name = "letsencrypt", Kind = "ClusterIssuer" }, Size = 3 },
        };
        change?.Invoke(widget.Spec);
        return widget;
    }

    private static V1PodTemplateSpec Pod(bool privileged) => new()
    {
        Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web" } },
        Spec = new V1PodSpec
        {
            Containers = [new V1Container { Name = "web", Image = "registry.example.com/web:1.4.2", SecurityContext = new V1SecurityContext { Privileged = privileged } }],
        },
    };

    private static Namespace Shop() => new App("shop").AddNamespace("shop");

    [Fact]
    public void A_typed_custom_object_gets_its_identity_the_namespace_and_the_recommended_labels()
    {
        var ns = Shop();

        var widget = ns.Add(Widget());

        Assert.Equal(("example.com/v1", "Widget", "shop"), (widget.ApiVersion, widget.Kind, widget.Metadata.NamespaceProperty));
        Assert.Equal("shop", widget.Metadata.Labels[RecommendedLabels.PartOf]);
        Assert.Equal(RecommendedLabels.ManagedByValue, widget.Metadata.Labels[RecommendedLabels.ManagedBy]);
        Assert.Same(widget, Assert.Single(ns.App.Build().OfType<TestWidget>()));
    }

    [Fact]
    public void A_cluster_scoped_kind_added_to_a_namespace_is_refused_naming_object_and_field()
    {
        var ns = Shop();

        var error = Assert.Throws<ManifestDefinitionException>(() => ns.Add(new TestClusterIssuer { Metadata = new V1ObjectMeta { Name = "letsencrypt" } }));

        Assert.Equal("ClusterIssuer shop/letsencrypt: metadata.namespace: ClusterIssuer is cluster-scoped; add it to the app (App.Add), not to a namespace", error.Message);
        ns.App.Add(new TestClusterIssuer { Metadata = new V1ObjectMeta { Name = "letsencrypt" } });
    }

    [Fact]
    public void A_namespaced_kind_added_to_no_namespace_is_refused_and_built_in_kinds_keep_to_their_scope_too()
    {
        var app = Shop().App;

        var widget = Assert.Throws<ManifestDefinitionException>(() => app.Add(Widget()));
        var clusterRole = Assert.Throws<ManifestDefinitionException>(() => app.Namespaces[0].Add(new V1ClusterRole { Metadata = new V1ObjectMeta { Name = "reader" } }));
        var configMap = Assert.Throws<ManifestDefinitionException>(() => app.Add(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "settings" } }));

        Assert.Equal("Widget gadget: metadata.namespace: Widget is namespaced; add it to one of the app's namespaces (Namespace.Add)", widget.Message);
        Assert.Equal("metadata.namespace", clusterRole.Field);
        Assert.Equal("metadata.namespace", configMap.Field);
    }

    public static TheoryData<string, string, string> SchemaViolations() => new()
    {
        { "issuerRef", "spec.issuerRef", "required by the CRD schema, but not set" },
        { "issuerRef.name", "spec.issuerRef.name", "required by the CRD schema, but not set" },
        { "issuerRef.kind", "spec.issuerRef.kind", "'Issuers' is not one of the values the CRD schema allows: Issuer, ClusterIssuer" },
        { "issuerRef.name empty", "spec.issuerRef.name", "'' is 0 characters long; the CRD schema requires at least 1" },
        { "size", "spec.size", "11 is above the CRD schema's maximum 10" },
        { "ratio", "spec.ratio", "1 is not below the CRD schema's maximum 1" },
        { "duration", "spec.duration", "'90m' does not match the CRD schema's pattern ^[0-9]+h$" },
        { "hosts", "spec.hosts", "3 items; the CRD schema allows at most 2" },
        { "hosts[1]", "spec.hosts[1]", "'far-too-long.example.com' is 24 characters long; the CRD schema allows at most 10" },
    };

    [Theory]
    [MemberData(nameof(SchemaViolations))]
    public void A_value_the_schema_refuses_fails_when_added_naming_object_and_field(string change, string field, string problem)
    {
        var widget = Widget(spec =>
        {
            switch (change)
            {
                case "issuerRef": spec.IssuerRef = null; break;
                case "issuerRef.name": spec.IssuerRef!.Name = null; break;
                case "issuerRef.kind": spec.IssuerRef!.Kind = "Issuers"; break;
                case "issuerRef.name empty": spec.IssuerRef!.Name = string.Empty; break;
                case "size": spec.Size = 11; break;
                case "ratio": spec.Ratio = 1; break;
                case "duration": spec.Duration = "90m"; break;
                case "hosts": spec.Hosts = ["a", "b", "c"]; break;
                case "hosts[1]": spec.Hosts = ["a", "far-too-long.example.com"]; break;
            }
        });

        var error = Assert.Throws<ManifestDefinitionException>(() => Shop().Add(widget));

        Assert.Equal(("Widget shop/gadget", field, problem), (error.ObjectReference, error.Field, error.Problem));
    }

    [Fact]
    public void Values_within_the_schema_pass()
    {
        var ns = Shop();

        ns.Add(Widget(spec => (spec.Ratio, spec.Duration, spec.Hosts, spec.Size) = (0.5, "2h", ["a.example", "b.example"], 10)));
    }

    [Fact]
    public void The_error_points_at_the_Add_call_for_the_build_to_report_there()
    {
        var ns = Shop();
        var line = CurrentLine() + 1;
        var error = Assert.Throws<ManifestDefinitionException>(() => ns.Add(Widget(spec => spec.Size = 0)));

        Assert.Equal((Path.GetFileName(ThisFile()), line), (Path.GetFileName(error.At!.File), error.At.Line));
    }

    [Fact]
    public void A_type_whose_schema_cannot_be_read_is_a_definition_error_and_its_schema_is_read_once()
    {
        var error = Assert.Throws<ManifestDefinitionException>(() => Shop().Add(new TestBroken { Metadata = new V1ObjectMeta { Name = "b" } }));

        Assert.Equal("[CustomResource]", error.Field);
        Assert.StartsWith("the [CustomResource] schema of TestBroken cannot be read: $ref", error.Problem, StringComparison.Ordinal);
        Assert.Same(CustomResourceType.Of(typeof(TestWidget)), CustomResourceType.Of(typeof(TestWidget)));
        Assert.Null(CustomResourceType.Of(typeof(V1ConfigMap)));
    }

    [Fact]
    public void A_privileged_container_in_a_typed_Rollout_fails_synth_naming_the_field()
    {
        var ns = Shop();
        ns.Add(new TestRollout
        {
            Metadata = new V1ObjectMeta { Name = "web" },
            Spec = new TestRolloutSpec { Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } }, Template = Pod(privileged: true) },
        });

        var failure = Assert.Throws<SynthesisFailedException>(() => Synthesizer.Render(ns.App));

        var privileged = Assert.Single(failure.Blocking, f => f.RuleId == RuleIds.PrivilegedContainer);
        Assert.Equal(("Rollout", "shop", "web"), (privileged.Kind, privileged.Namespace, privileged.Name));
        Assert.Equal("spec.template.spec.containers[0].securityContext.privileged", privileged.Path);
    }

    [Fact]
    public void A_kind_no_list_knows_has_its_pod_found_through_its_schema()
    {
        var typed = Shop();
        typed.Add(Widget(spec => spec.PodTemplate = Pod(privileged: true)));
        var untyped = Shop();
        untyped.Add(new CustomObject("example.com/v1", "Widget", "gadget") { Spec = JsonNode.Parse(KubernetesJson.Serialize(Widget(spec => spec.PodTemplate = Pod(privileged: true)).Spec))!.AsObject() });

        var failure = Assert.Throws<SynthesisFailedException>(() => Synthesizer.Render(typed.App));
        var withoutSchema = Synthesizer.Render(untyped.App);

        Assert.DoesNotContain(PodTemplateKindSet.BuiltIn, k => k.Kind == "Widget");
        Assert.Equal("spec.podTemplate.spec.containers[0].securityContext.privileged", Assert.Single(failure.Blocking, f => f.RuleId == RuleIds.PrivilegedContainer).Path);
        Assert.DoesNotContain(withoutSchema.Findings, f => f.RuleId == RuleIds.PrivilegedContainer);
    }

    private static int CurrentLine([CallerLineNumber] int line = 0) => line;

    private static string ThisFile([CallerFilePath] string file = "") => file;
}
