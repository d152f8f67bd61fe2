using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SecureManifests.Generators.Tests;

/// <summary>
/// The generator's pipeline is cacheable: an edit that touches no [ManifestApp] class leaves every tracked step
/// Cached or Unchanged, and no step output holds a symbol, syntax node, compilation or anything else that would
/// keep an old compilation alive or defeat equality.
/// </summary>
public sealed class IncrementalPipelineTests
{
    private const string AppSource = """
        using SecureManifests;

        namespace Shop;

        [ManifestApp]
        public sealed class ShopApp : App
        {
            public ShopApp() : base("shop") => AddNamespace("shop");
        }
        """;

    private const string OtherSource = """
        namespace Shop;

        public static class Pricing
        {
            public static decimal Net(decimal gross) => gross / 1.19m;
        }
        """;

    private static readonly string[] TrackedSteps = [ManifestAppGenerator.StepNames.Apps, ManifestAppGenerator.StepNames.Catalog];

    private static readonly Type[] Forbidden =
        [typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Compilation), typeof(SemanticModel), typeof(Location)];

    [Fact]
    public async Task An_unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var (driver, compilation) = await RunOnceAsync();
        var other = compilation.SyntaxTrees.Single(t => t.FilePath == "Pricing.cs");
        var edited = compilation.ReplaceSyntaxTree(other, other.WithChangedText(
            Microsoft.CodeAnalysis.Text.SourceText.From(OtherSource.Replace("1.19m", "1.07m", StringComparison.Ordinal))));

        var result = driver.RunGenerators(edited, CancellationToken.None).GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"step {step} ran again: {output.Reason}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output => Assert.True(
            output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"an output step ran again: {output.Reason}"));
    }

    [Fact]
    public async Task Editing_the_app_reruns_the_pipeline_so_the_test_above_can_fail()
    {
        var (driver, compilation) = await RunOnceAsync();
        var app = compilation.SyntaxTrees.Single(t => t.FilePath == "ShopApp.cs");
        var edited = compilation.ReplaceSyntaxTree(app, app.WithChangedText(
            Microsoft.CodeAnalysis.Text.SourceText.From("// moved down a line\n" + AppSource)));

        var result = driver.RunGenerators(edited, CancellationToken.None).GetRunResult().Results.Single();

        var reasons = result.TrackedSteps[ManifestAppGenerator.StepNames.Catalog].SelectMany(s => s.Outputs).Select(o => o.Reason);
        Assert.Contains(IncrementalStepRunReason.Modified, reasons);
    }

    [Fact]
    public async Task Step_outputs_hold_no_symbol_syntax_or_compilation()
    {
        var (driver, _) = await RunOnceAsync();
        var result = driver.GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            foreach (var (value, _) in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                AssertHoldsNoForbiddenValue(value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
                AssertTypeHoldsNoForbiddenField(value.GetType(), step, []);
            }
        }
    }

    [Fact]
    public void The_forbidden_type_check_catches_a_symbol()
    {
        var symbol = CSharpCompilation.Create("probe").GetSpecialType(SpecialType.System_Int32);

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertHoldsNoForbiddenValue(new Holder(symbol), "probe", new HashSet<object>(ReferenceEqualityComparer.Instance)));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertTypeHoldsNoForbiddenField(typeof(Holder), "probe", []));
    }

    private static async Task<(GeneratorDriver Driver, Compilation Compilation)> RunOnceAsync()
    {
        var references = (await TestCompilation.Net10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None))
            .Concat(TestCompilation.SdkReferences);
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText(AppSource, parse, "ShopApp.cs"), CSharpSyntaxTree.ParseText(OtherSource, parse, "Pricing.cs")],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new ManifestAppGenerator().AsSourceGenerator()],
            parseOptions: parse,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation, CancellationToken.None);
        var first = driver.GetRunResult();
        Assert.Single(first.GeneratedTrees);
        Assert.Empty(first.Diagnostics);
        return (driver, compilation);
    }

    internal static void AssertHoldsNoForbiddenValue(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(Forbidden.Any(f => f.IsInstanceOfType(value)), $"step {step} holds a {value.GetType().FullName}");
        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertHoldsNoForbiddenValue(item, step, seen);
            }
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertHoldsNoForbiddenValue(field.GetValue(value), step, seen);
        }
    }

    internal static void AssertTypeHoldsNoForbiddenField(Type type, string step, HashSet<Type> seen)
    {
        if (type == typeof(string) || type.IsPrimitive || type.IsEnum || !seen.Add(type))
        {
            return;
        }

        Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), $"step {step} can hold a {type.FullName}");
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertTypeHoldsNoForbiddenField(field.FieldType.IsArray ? field.FieldType.GetElementType()! : field.FieldType, step, seen);
        }
    }

    private sealed record Holder(ISymbol Symbol);
}
