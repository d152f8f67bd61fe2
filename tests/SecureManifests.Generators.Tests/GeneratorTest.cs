using System.Text;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace SecureManifests.Generators.Tests;

/// <summary>Runs <see cref="ManifestAppGenerator"/> on sources and compares its output text exactly.</summary>
internal static class GeneratorTest
{
    /// <param name="projectDirectory">When set, passed as the MSBuildProjectDirectory build property, as the package's props do.</param>
    public static async Task VerifyAsync(string source, string? expectedCatalog, string? projectDirectory = null)
    {
        var test = new CSharpSourceGeneratorTest<ManifestAppGenerator, DefaultVerifier>
        {
            ReferenceAssemblies = TestCompilation.Net10,
            TestState = { Sources = { source } },
        };
        if (projectDirectory is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\nbuild_property.MSBuildProjectDirectory = {projectDirectory}\n"));
        }

        test.TestState.AdditionalReferences.AddRange(TestCompilation.SdkReferences);
        if (expectedCatalog is not null)
        {
            test.TestState.GeneratedSources.Add((typeof(ManifestAppGenerator), ManifestAppGenerator.HintName, SourceText.From(expectedCatalog, Encoding.UTF8)));
        }

        await test.RunAsync();
    }
}
