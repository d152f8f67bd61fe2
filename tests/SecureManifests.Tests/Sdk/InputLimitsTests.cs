using SecureManifests.Defaults;
using SecureManifests.Model;

namespace SecureManifests.Tests.Sdk;

/// <summary>
/// What the API server or the container runtime would refuse is refused when the app is defined, with a one-line
/// error naming the object and the field: NULs in what a process receives, the 256 KiB annotation limit, the 1 MiB
/// ConfigMap limit, and a workload that allows traffic from itself.
/// </summary>
public class InputLimitsTests
{
    private const int AnnotationLimit = 256 * 1024;

    private static (App App, Namespace Ns, Deployment Api) Api()
    {
        var app = new App("demo");
        var ns = app.AddNamespace("demo");
        return (app, ns, ns.AddDeployment("api", "ghcr.io/acme/api:1.0.0").WithPort("http", 8080));
    }

    [Fact]
    public void A_nul_in_an_environment_value_is_refused()
    {
        var (_, _, api) = Api();

        var error = Assert.Throws<ManifestDefinitionException>(() => api.WithEnv("GREETING", "hello\0world"));

        Assert.Equal("Deployment demo/api", error.ObjectReference);
        Assert.EndsWith("env[GREETING].value", error.Field, StringComparison.Ordinal);
        Assert.Contains("NUL", error.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\0', error.Message);
    }

    [Fact]
    public void Newlines_in_an_environment_value_are_fine()
    {
        var (app, _, api) = Api();
        api.WithEnv("CA_BUNDLE", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");

        Assert.Contains("CA_BUNDLE", Synth.Render(app).Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nul_in_a_command_argument_or_exec_probe_is_refused()
    {
        var (_, _, api) = Api();

        Assert.EndsWith("args[1]", Assert.Throws<ManifestDefinitionException>(() => api.WithArgs("--name", "a\0")).Field, StringComparison.Ordinal);
        Assert.EndsWith("command[0]", Assert.Throws<ManifestDefinitionException>(() => api.WithCommand("\0sh")).Field, StringComparison.Ordinal);
        Assert.Equal("exec.command[1]", Assert.Throws<ManifestDefinitionException>(() => Probe.Exec("cat", "/tmp/\0ready")).Field);
        Assert.Equal("exec.command[0]", Assert.Throws<ManifestDefinitionException>(() => LifecycleHandler.Exec("\0")).Field);
    }

    [Fact]
    public void Annotations_up_to_the_api_servers_limit_are_accepted_and_one_byte_more_is_refused()
    {
        var (app, _, api) = Api();
        api.WithAnnotation("a", new string('x', AnnotationLimit - 1));
        Assert.Contains("a: ", Synth.Render(app).Yaml, StringComparison.Ordinal);

        var (_, _, other) = Api();
        var error = Assert.Throws<ManifestDefinitionException>(() => other.WithAnnotation("a", new string('x', AnnotationLimit)));
        Assert.Equal("metadata.annotations[a]", error.Field);
        Assert.Contains("262145 bytes", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_annotation_limit_counts_utf8_bytes_and_all_annotations_together()
    {
        var (_, _, api) = Api();
        api.WithAnnotation("first", new string('x', 200 * 1024));

        // 40,000 'é' are 80,000 bytes: over the limit together with the first, though far fewer characters.
        Assert.Throws<ManifestDefinitionException>(() => api.WithAnnotation("second", new string('é', 40_000)));

        // Replacing a value counts the new value only.
        api.WithAnnotation("first", "short").WithAnnotation("second", new string('é', 40_000));
    }

    [Fact]
    public void Pod_annotations_have_the_same_limit()
    {
        var (_, _, api) = Api();

        var error = Assert.Throws<ManifestDefinitionException>(() => api.WithPodAnnotation("note", new string('x', 300 * 1024)));

        Assert.Equal("spec.template.metadata.annotations[note]", error.Field);
    }

    [Fact]
    public void A_waiver_reason_that_takes_the_object_past_the_limit_fails_the_synth_naming_the_annotations()
    {
        var (app, _, api) = Api();
        api.Allow(Relaxation.HostNetwork, new string('r', 300 * 1024));

        var error = Assert.Throws<ManifestDefinitionException>(() => Synth.Render(app));

        Assert.Equal("Deployment demo/api", error.ObjectReference);
        Assert.Equal("metadata.annotations", error.Field);
    }

    [Fact]
    public void A_configmap_past_one_mebibyte_is_refused_at_the_key_that_crosses_it()
    {
        var (_, ns, _) = Api();
        var settings = ns.AddConfigMap("settings").With("a", new string('x', 600 * 1024));

        var error = Assert.Throws<ManifestDefinitionException>(() => settings.With("b", new string('x', 600 * 1024)));

        Assert.Equal("ConfigMap demo/settings", error.ObjectReference);
        Assert.Equal("data[b]", error.Field);
        Assert.Contains("1 MiB", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workload_cannot_allow_traffic_from_itself()
    {
        var (_, _, api) = Api();

        var error = Assert.Throws<ManifestDefinitionException>(() => api.AllowFrom(api, "http"));

        Assert.Equal("Deployment demo/api", error.ObjectReference);
        Assert.Equal("networkPolicy.ingress.from[api]", error.Field);
        Assert.Contains("itself", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad\nname", "bad\\nname")]
    [InlineData("bad\u001b[31mname", "bad\\u001b[31mname")]
    [InlineData("bad\u2028name", "bad\\u2028name")]
    public void A_definition_error_is_one_line_whatever_the_value_holds(string name, string shown)
    {
        var (_, ns, _) = Api();

        var error = Assert.Throws<ManifestDefinitionException>(() => ns.AddDeployment(name, "ghcr.io/acme/api:1.0.0"));

        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain('\u001b', error.Message);
        Assert.DoesNotContain('\u2028', error.Message);
        Assert.Contains(shown, error.Message, StringComparison.Ordinal);
    }
}
