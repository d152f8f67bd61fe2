using System.Text;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace SecureManifests.Generators.Tests;

/// <summary>Runs <see cref="ManifestAppGenerator"/> on sources and compares its output text exactly.</summary>
internal static class GeneratorTest
{
    public static async Task VerifyAsync(string source, string? expectedCatalog)
    {
        var test = new CSharpSourceGeneratorTest<ManifestAppGenerator, DefaultVerifier>
        {
            ReferenceAssemblies = TestCompilation.Net10,
            TestState = { Sources = { source } },
        };
        test.TestState.AdditionalReferences.AddRange(TestCompilation.SdkReferences);
        if (expectedCatalog is not null)
        {
            test.TestState.GeneratedSources.Add((typeof(ManifestAppGenerator), ManifestAppGenerator.HintName, SourceText.From(expectedCatalog, Encoding.UTF8)));
        }

        await test.RunAsync();
    }
}
