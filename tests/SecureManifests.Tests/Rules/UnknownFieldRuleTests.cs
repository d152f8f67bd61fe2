using System.Text.Json;
using k8s;
using k8s.Models;
using SecureManifests.Rules;

namespace SecureManifests.Tests.Rules;

/// <summary>
/// SM2018 through the public engine: it judges the object as written, which a caller hands to
/// <see cref="RuleEvaluation.Add(IKubernetesObject, JsonElement)"/>; typed objects alone cannot hold an unknown field.
/// </summary>
public sealed class UnknownFieldRuleTests
{
    private const string Pod = """
        {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web", "namespace": "shop"},
         "spec": {"containers": [{"name": "web", "image": "registry.example.com/web:1.4.2", "runAsUser": 10001}]}}
        """;

    [Fact]
    public void The_object_as_written_shows_the_field_its_model_dropped()
    {
        using var written = JsonDocument.Parse(Pod);
        var pod = KubernetesJson.Deserialize<V1Pod>(Pod);

        var findings = new RuleEngine().StartEvaluation().Add(pod, written.RootElement).Findings;

        var finding = Assert.Single(findings, f => f.RuleId == RuleIds.UnknownField);
        Assert.Equal("spec.containers[0].runAsUser", finding.Path);
        Assert.Equal(RuleSeverity.Warning, finding.Severity);
        Assert.EndsWith("did you mean spec.containers[0].securityContext.runAsUser?", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Typed_objects_alone_give_no_finding_because_they_cannot_hold_an_unknown_field()
    {
        var pod = KubernetesJson.Deserialize<V1Pod>(Pod);

        Assert.DoesNotContain(new RuleEngine().Evaluate([pod], new RuleEngineOptions { Profile = RuleProfile.All }), f => f.RuleId == RuleIds.UnknownField);
    }

    [Fact]
    public void Keys_of_maps_are_free_and_values_of_a_map_of_objects_are_checked()
    {
        const string Crd = """
            {"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition", "metadata": {"name": "widgets.example.com",
             "labels": {"any.key/name": "x"}},
             "spec": {"group": "example.com", "names": {"kind": "Widget", "plural": "widgets"}, "scope": "Namespaced",
              "versions": [{"name": "v1", "served": true, "storage": true, "schema": {"openAPIV3Schema": {"type": "object",
                "properties": {"spec": {"type": "object", "x-kubernetes-preserve-unknown-fields": true, "maxLenght": 3}}}}}]}}
            """;
        using var written = JsonDocument.Parse(Crd);

        var findings = new RuleEngine().StartEvaluation().Add(KubernetesJson.Deserialize<V1CustomResourceDefinition>(Crd), written.RootElement).Findings;

        var finding = Assert.Single(findings, f => f.RuleId == RuleIds.UnknownField);
        Assert.Equal("spec.versions[0].schema.openAPIV3Schema.properties.spec.maxLenght", finding.Path);
        Assert.EndsWith("did you mean spec.versions[0].schema.openAPIV3Schema.properties.spec.maxLength?", finding.Message, StringComparison.Ordinal);
    }
}
