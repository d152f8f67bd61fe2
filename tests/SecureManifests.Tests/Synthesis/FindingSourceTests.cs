using System.Runtime.CompilerServices;
using k8s.Models;
using SecureManifests.Model;
using SecureManifests.Rules;
using SecureManifests.Synthesis;

namespace SecureManifests.Tests.Synthesis;

/// <summary>
/// A build finding points at the C# call that caused it: the call that set the offending field (a port, a sidecar's
/// image, a <c>Customize</c>), else the call that created the object (a raw object's <c>Add</c>, a workload's <c>AddX</c>).
/// </summary>
public sealed class FindingSourceTests
{
    [Fact]
    public void Findings_point_at_the_call_that_set_the_field_or_created_the_object()
    {
        var app = new App("shop");
        var ns = app.AddNamespace("shop");
        var deployment = Line() + 1;
        var api = ns.AddDeployment("api", "ghcr.io/acme/api:latest");
        var sidecar = Line() + 1;
        api.WithSidecar("proxy", "envoyproxy/envoy:latest");
        var ports = Line() + 1;
        api.WithPort("ssh", 22).WithPort("web", 80);
        var customize = Line() + 1;
        api.Customize(d => d.Spec.Template.Spec.Containers[0].SecurityContext.Privileged = true);
        var rawPod = Line() + 1;
        ns.Add(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "debug" },
            Spec = new V1PodSpec
            {
                HostNetwork = true,
                Containers = [new V1Container { Name = "shell", Image = "busybox", SecurityContext = new V1SecurityContext { Privileged = true, ProcMount = "Unmasked" } }],
                Volumes = [new V1Volume { Name = "root", HostPath = new V1HostPathVolumeSource { Path = "/" } }],
            },
        });

        var failure = Assert.Throws<SynthesisFailedException>(() => Synthesizer.Render(app, new SynthOptions { Profile = RuleProfile.All, FailOn = RuleSeverity.Info }));
        var file = Path.GetFileName(ThisFile());
        string Where(string ruleId, string name, string? path = null) =>
            string.Join(",", failure.Blocking
                .Where(f => f.RuleId == ruleId && f.Name == name && (path is null || f.Path.Contains(path, StringComparison.Ordinal)))
                .Select(f => failure.Sources.Of(f) is { } at ? $"{Path.GetFileName(at.File)}:{at.Line}" : "none")
                .Distinct());

        Assert.Equal($"{file}:{deployment}", Where(RuleIds.MutableImageTag, "api", "containers[0]"));
        Assert.Equal($"{file}:{sidecar}", Where(RuleIds.MutableImageTag, "api", "containers[1]"));
        Assert.Equal($"{file}:{ports}", Where(RuleIds.SshPortExposed, "api"));
        Assert.Equal($"{file}:{ports}", Where(RuleIds.PrivilegedPort, "api"));
        Assert.Equal($"{file}:{customize}", Where(RuleIds.PrivilegedContainer, "api"));
        foreach (var rule in new[]
        {
            RuleIds.PrivilegedContainer, RuleIds.HostNamespaces, RuleIds.HostPathVolume, RuleIds.UnmaskedProcMount,
            RuleIds.MutableImageTag, RuleIds.PrivilegeEscalationAllowed, RuleIds.WritableRootFilesystem,
        })
        {
            Assert.Equal($"{file}:{rawPod}", Where(rule, "debug"));
        }

        // Everything else (the namespace's policies, cross-object findings) still points at the call that made its object.
        Assert.All(failure.Blocking, f => Assert.NotNull(failure.Sources.Of(f)));
    }

    private static int Line([CallerLineNumber] int line = 0) => line;

    private static string ThisFile([CallerFilePath] string file = "") => file;
}
