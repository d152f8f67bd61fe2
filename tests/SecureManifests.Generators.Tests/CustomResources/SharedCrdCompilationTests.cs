namespace SecureManifests.Generators.Tests.CustomResources;

/// <summary>Every CRD of ../shared/crds generates C# that compiles with no warning at all under the repository's settings.</summary>
public sealed class SharedCrdCompilationTests
{
    [CrdTheory]
    [MemberData(nameof(SharedCrds.Files), MemberType = typeof(SharedCrds))]
    public async Task Generates_code_that_compiles_without_warnings(string file)
    {
        var generated = await CrdGeneration.RunAsync([new CrdInput(SharedCrds.FullPath(file), SharedCrds.Read(file))]);

        Assert.Empty(generated.GeneratorDiagnostics);
        Assert.True(generated.Compilation.SyntaxTrees.Any(), "no source generated for " + file);
        var problems = CrdGeneration.Problems(generated.Compilation);
        Assert.True(problems.Count == 0, $"{problems.Count} problems, first: " + string.Join("\n", problems.Take(15)));
    }
}
