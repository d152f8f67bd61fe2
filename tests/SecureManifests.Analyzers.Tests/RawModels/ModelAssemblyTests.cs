using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SecureManifests.Analyzers.Tests.Infrastructure;

namespace SecureManifests.Analyzers.Tests.RawModels;

/// <summary>
/// <c>k8s.Models</c> ships in more than one assembly: KubernetesClient, its AOT build KubernetesClient.Aot, and
/// KubernetesClient.Classic. Code written against any of them is analysed alike.
/// </summary>
public sealed class ModelAssemblyTests
{
    private const string Insecure = """
        class Pods
        {
            V1Pod Debug() => new V1Pod
            {
                Metadata = new V1ObjectMeta { Name = "debug", NamespaceProperty = "tools" },
                Spec = new V1PodSpec
                {
                    Containers = new List<V1Container>
                    {
                        new V1Container { Name = "shell", Image = "busybox:1.36", SecurityContext = new V1SecurityContext { {|SM1001:Privileged = true|} } },
                    },
                },
            };
        }
        """;

    [Fact]
    public async Task Models_from_KubernetesClient_Aot_are_analysed()
    {
        var package = typeof(ModelAssemblyTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "KubernetesClientAot").Value!;
        var dll = Directory.GetFiles(Path.Combine(package, "lib"), "KubernetesClient.Aot.dll", SearchOption.AllDirectories)
            .OrderByDescending(p => p, StringComparer.Ordinal)
            .First();
        await Verify.AnalyzerWithModelsAsync(Insecure, MetadataReference.CreateFromFile(dll));
    }

    [Fact]
    public async Task Models_from_an_assembly_named_KubernetesClient_Classic_are_analysed()
    {
        // The classic build is not on the package feed here: an assembly of that name with the same model types stands in.
        const string models = """
            namespace k8s.Models
            {
                public class V1Pod { public V1ObjectMeta Metadata { get; set; } public V1PodSpec Spec { get; set; } }
                public class V1ObjectMeta { public string Name { get; set; } public string NamespaceProperty { get; set; } }
                public class V1PodSpec { public System.Collections.Generic.IList<V1Container> Containers { get; set; } }
                public class V1Container { public string Name { get; set; } public string Image { get; set; } public V1SecurityContext SecurityContext { get; set; } }
                public class V1SecurityContext { public bool? Privileged { get; set; } }
            }
            """;
        var compilation = CSharpCompilation.Create(
            "KubernetesClient.Classic",
            [CSharpSyntaxTree.ParseText(models)],
            await Verify.Net10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(compilation.Emit(image).Success);
        await Verify.AnalyzerWithModelsAsync(Insecure, MetadataReference.CreateFromImage(image.ToArray()));
    }
}
