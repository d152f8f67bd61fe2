using System.Text.Json.Nodes;
using SecureManifests.Model;
using SecureManifests.Rules;
using SecureManifests.Synthesis;

namespace SecureManifests.Tests.Sdk;

/// <summary>An Argo Rollout added to an app as a <see cref="CustomObject"/>: its pod is checked at synth like a Deployment's.</summary>
public class CustomPodTemplateTests
{
    private static App AppWithRollout(string templateJson)
    {
        var app = new App("shop");
        var rollout = new CustomObject("argoproj.io/v1alpha1", "Rollout", "web")
        {
            Spec = new JsonObject
            {
                ["selector"] = JsonNode.Parse("""{"matchLabels": {"app": "web"}}"""),
                ["template"] = JsonNode.Parse(templateJson),
            },
        };
        app.AddNamespace("shop").Add(rollout);
        return app;
    }

    [Fact]
    public void A_privileged_pod_in_a_Rollout_fails_synth_naming_the_field()
    {
        var app = AppWithRollout("""
            {"metadata": {"labels": {"app": "web"}},
             "spec": {"containers": [{"name": "web", "image": "registry.example.com/web:1.4.2", "securityContext": {"privileged": true}}]}}
            """);

        var failure = Assert.Throws<SynthesisFailedException>(() => Synthesizer.Render(app));

        var privileged = Assert.Single(failure.Blocking, f => f.RuleId == RuleIds.PrivilegedContainer);
        Assert.Equal(("Rollout", "shop", "web", "web"), (privileged.Kind, privileged.Namespace, privileged.Name, privileged.Container));
        Assert.Equal("spec.template.spec.containers[0].securityContext.privileged", privileged.Path);
        Assert.Contains("SM1001: securityContext.privileged is true in container 'web': set it to false [Rollout shop/web] at spec.template.spec.containers[0].securityContext.privileged",
            failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Rollout_template_that_is_no_pod_template_is_a_definition_error_naming_object_and_field()
    {
        var app = AppWithRollout("""{"spec": {"containers": [{"name": "web", "image": "registry.example.com/web:1.4.2", "ports": [{"containerPort": "http"}]}]}}""");

        var error = Assert.Throws<ManifestDefinitionException>(() => Synthesizer.Render(app));

        Assert.Equal("Rollout shop/web", error.ObjectReference);
        Assert.Equal("spec.template.spec.containers[0].ports[0].containerPort", error.Field);
        Assert.Equal("Rollout shop/web: spec.template.spec.containers[0].ports[0].containerPort: expected an integer", error.Message);
    }
}
