using System.Xml.Linq;
using SecureManifests.Tests.Infrastructure;

namespace SecureManifests.Packaging.Tests;

/// <summary>
/// A type generated from a CRD, in an app, through <c>dotnet build</c>: a value its schema refuses and a privileged
/// container in its pod template both fail the build at the C# line of the <c>Add</c>.
/// </summary>
public sealed partial class BuildStepTests
{
    private static readonly string GadgetCrd = InlineCrd.Widget(
        "{type: object, required: [size], properties: {size: {type: integer, format: int32, minimum: 1}, podTemplate: {type: object, properties: " +
        "{metadata: {type: object}, spec: {type: object, required: [containers], properties: {containers: {type: array, items: " +
        "{type: object, properties: {name: {type: string}, image: {type: string}}}}}}}}}}",
        kind: "Gadget");

    private const string GadgetApps = """
        using k8s.Models;
        using SecureManifests;
        using Typed.Gadgets;

        namespace Typed;

        [ManifestApp]
        public sealed class TooSmallApp : App
        {
            public TooSmallApp() : base("too-small")
            {
                AddNamespace("too-small").Add(new Gadget { Metadata = new() { Name = "g" }, Spec = new GadgetSpec { Size = 0 } });
            }
        }

        [ManifestApp]
        public sealed class PrivilegedApp : App
        {
            public PrivilegedApp() : base("privileged")
            {
                // Computed at run time, so the analyzers (which flag a literal true while typing) leave it to the synth.
                var privileged = System.Environment.GetEnvironmentVariable("GADGET_UNPRIVILEGED") is null;
                var pod = new V1PodTemplateSpec
                {
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "g", Image = "ghcr.io/acme/g:1.0.0", SecurityContext = new V1SecurityContext { Privileged = privileged } }] },
                };
                AddNamespace("privileged").Add(new Gadget { Metadata = new() { Name = "g" }, Spec = new GadgetSpec { Size = 1, PodTemplate = pod } });
            }
        }
        """;

    [Fact]
    public void A_typed_custom_object_that_breaks_its_schema_or_holds_a_privileged_pod_fails_the_build_at_its_Add()
    {
        var project = Project("Typed", ("crds/gadgets.yaml", GadgetCrd), ("GadgetApps.cs", GadgetApps));
        var document = XDocument.Load(project);
        document.Root!.Add(new XElement("ItemGroup",
            new XElement("AdditionalFiles", new XAttribute("Include", "crds/gadgets.yaml"), new XAttribute("SecureManifestsCrd", "true"), new XAttribute("Namespace", "Typed.Gadgets"))));
        document.Save(project);
        var source = Path.Combine(Workspace.ProjectFolder("Typed"), "GadgetApps.cs");

        var build = Workspace.Build(project);

        Assert.NotEqual(0, build.ExitCode);
        var errors = build.StandardOutput.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(errors.Any(l => l.Contains($"{source}(12,1): error SM0106: Gadget too-small/g: spec.size: 0 is below the CRD schema's minimum 1", StringComparison.Ordinal)), string.Join("\n", errors));
        Assert.True(errors.Any(l => l.Contains($"{source}(27,1): error SM1001: securityContext.privileged is true in container 'g'", StringComparison.Ordinal)), string.Join("\n", errors));
        Assert.DoesNotContain("   at ", build.StandardOutput, StringComparison.Ordinal);
    }
}
