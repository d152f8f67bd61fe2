using System.Xml.Linq;

namespace SecureManifests.Packaging.Tests;

/// <summary>The packaged CRD generator: a consumer lists a CRD as AdditionalFiles and uses the generated type.</summary>
public sealed partial class BuildStepTests
{
    private const string WidgetCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          names:
            kind: Widget
            plural: widgets
          scope: Namespaced
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    required: [size]
                    properties:
                      size: {type: integer, format: int32, description: How many widgets.}
                      mode: {type: string, enum: [Fast, Slow]}
        """;

    private const string WidgetUser = """
        using Shop.Widgets;

        namespace Gadgets;

        /// <summary>Uses the type generated from crds/widgets.yaml.</summary>
        public static class Make
        {
            /// <summary>A widget of size 3.</summary>
            public static Widget Widget() => new Widget
            {
                Metadata = new() { Name = "w" },
                Spec = new WidgetSpec { Size = 3, Mode = WidgetSpecMode.Fast },
            };

            /// <summary>The widget as KubernetesClient serializes it.</summary>
            public static string Json() => k8s.KubernetesJson.Serialize(Widget());
        }
        """;

    [Fact]
    public void A_crd_in_additional_files_becomes_a_type_the_consumer_uses_without_warnings()
    {
        var project = Project("Gadgets", ("crds/widgets.yaml", WidgetCrd), ("Make.cs", WidgetUser));
        var document = XDocument.Load(project);
        document.Root!.Add(new XElement("ItemGroup",
            new XElement("AdditionalFiles", new XAttribute("Include", "crds/widgets.yaml"), new XAttribute("SecureManifestsCrd", "true"), new XAttribute("Namespace", "Shop.Widgets"))));
        document.Save(project);

        var build = Workspace.Build(project, "-p:TreatWarningsAsErrors=true", "-p:GenerateDocumentationFile=true", "-p:Nullable=enable");

        // Warnings are errors here, so success means the generated code drew none (CS1591 included).
        build.AssertSucceeded();
        var assembly = Path.Combine(Workspace.ProjectFolder("Gadgets"), "bin", "Debug", "net10.0", "Gadgets.dll");
        Assert.True(File.Exists(assembly), $"{assembly} was not built");
    }
}
