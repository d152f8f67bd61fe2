using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace SecureManifests.Generators.Tests;

/// <summary>Runs <see cref="ManifestAppDefinitionAnalyzer"/>; expected diagnostics are marked in the source.</summary>
internal static class AnalyzerTest
{
    public static async Task VerifyAsync(string markedSource)
    {
        var test = new CSharpAnalyzerTest<ManifestAppDefinitionAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = TestCompilation.Net10,
            TestCode = markedSource,
        };
        test.TestState.AdditionalReferences.AddRange(TestCompilation.SdkReferences);
        await test.RunAsync();
    }
}
