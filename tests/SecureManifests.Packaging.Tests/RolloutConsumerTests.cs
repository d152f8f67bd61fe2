using System.Text.RegularExpressions;
using System.Xml.Linq;
using SecureManifests.Tests.Infrastructure;

namespace SecureManifests.Packaging.Tests;

/// <summary>
/// Argo Rollouts' real CRD (../shared/crds) through the packaged generator: a Rollout written in C# is a typed object
/// whose pod template is a KubernetesClient <c>V1PodTemplateSpec</c>, so a privileged container in it fails the build
/// at its line, whether the analyzers see the literal or only the synth sees the value.
/// </summary>
public sealed partial class BuildStepTests
{
    private static string RolloutApp(string className, string privileged) => $$"""
        using System.Collections.Generic;
        using k8s.Models;
        using SecureManifests;
        using Rollouts.Argo;

        namespace Rollouts;

        [ManifestApp]
        public sealed class {{className}} : App
        {
            public {{className}}() : base("{{className.ToLowerInvariant()}}")
            {
                var ns = AddNamespace("{{className.ToLowerInvariant()}}");
                ns.Add(new Rollout
                {
                    Metadata = new V1ObjectMeta { Name = "web" },
                    Spec = new RolloutSpec
                    {
                        Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } },
                        Template = new V1PodTemplateSpec
                        {
                            Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web" } },
                            Spec = new V1PodSpec
                            {
                                Containers =
                                [
                                    new V1Container
                                    {
                                        Name = "web",
                                        Image = "ghcr.io/acme/web:1.0.0",
                                        SecurityContext = new V1SecurityContext { Privileged = {{privileged}} },
                                    },
                                ],
                            },
                        },
                    },
                });
            }
        }
        """;

    [CrdFact]
    public void A_privileged_container_in_a_CSharp_Rollout_fails_the_build_at_its_line()
    {
        var source = RolloutApp("LiteralApp", "true");
        var file = Path.Combine(Workspace.ProjectFolder("Rollouts"), "LiteralApp.cs");
        var project = RolloutProject("Rollouts", ("LiteralApp.cs", source));

        var build = Workspace.Build(project);

        // The analyzers judge the literal while typing, at the property that sets it.
        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches($@"{Regex.Escape(file)}\({LineOf(source, "Privileged = true")},\d+\): error SM1001: ", build.StandardOutput);
        Assert.DoesNotContain("   at ", build.StandardOutput, StringComparison.Ordinal);
    }

    [CrdFact]
    public void A_privileged_value_computed_at_run_time_in_a_Rollout_fails_the_synth_at_the_Add_call()
    {
        var source = RolloutApp("ComputedApp", "bool.Parse(\"true\")");
        var file = Path.Combine(Workspace.ProjectFolder("RolloutsComputed"), "ComputedApp.cs");
        var project = RolloutProject("RolloutsComputed", ("ComputedApp.cs", source));

        var build = Workspace.Build(project);

        Assert.NotEqual(0, build.ExitCode);
        // The synth sees the value; the finding is at the call that added the Rollout.
        Assert.Matches(
            $@"{Regex.Escape(file)}\({LineOf(source, "ns.Add(new Rollout")},\d+\): error SM1001: securityContext.privileged is true in container 'web'",
            build.StandardOutput);
        Assert.Contains("[Rollout computedapp/web]", build.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("spec.template.spec.containers[0].securityContext.privileged", build.StandardOutput, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Workspace.DefaultManifests("RolloutsComputed")), "a blocked synth must write nothing");
    }

    private static int LineOf(string source, string text) =>
        source.Split('\n').Select((line, index) => (line, index)).First(l => l.line.Contains(text, StringComparison.Ordinal)).index + 1;

    private string RolloutProject(string name, params (string File, string Content)[] files)
    {
        Workspace.AddProject("classlib", name, files);
        var project = Path.Combine(Workspace.ProjectFolder(name), name + ".csproj");
        var document = XDocument.Load(project);
        document.Root!.Add(new XElement("ItemGroup",
            new XElement("AdditionalFiles",
                new XAttribute("Include", Path.Combine(TestPaths.SharedCrds, "argo-rollouts", "rollout-crd.yaml")),
                new XAttribute("SecureManifestsCrd", "true"),
                new XAttribute("Namespace", "Rollouts.Argo"))));
        document.Save(project);
        return project;
    }
}
