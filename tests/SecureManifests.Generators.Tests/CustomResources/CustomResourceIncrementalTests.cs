using Microsoft.CodeAnalysis;

namespace SecureManifests.Generators.Tests.CustomResources;

/// <summary>
/// The CRD pipeline is cached per file: an unrelated C# edit reruns nothing, editing one CRD reruns only its steps.
/// </summary>
public sealed class CustomResourceIncrementalTests
{
    private static readonly string[] Steps = [CustomResourceGenerator.StepNames.Files, CustomResourceGenerator.StepNames.Outputs];

    private static readonly CrdInput Widget = new("/project/crds/widgets.yaml", InlineCrd.Widget("{type: object, properties: {size: {type: integer}}}"));
    private static readonly CrdInput Gadget = new("/project/crds/gadgets.yaml", InlineCrd.Widget("{type: object}", kind: "Gadget"));

    [Fact]
    public async Task An_unrelated_csharp_edit_leaves_every_step_cached()
    {
        var (driver, compilation) = await RunOnceAsync();
        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("namespace Shop; public static class Pricing { public static int Net => 2; }")));

        var result = driver.RunGenerators(edited, CancellationToken.None).GetRunResult().Results.Single();

        foreach (var step in Steps)
        {
            var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.Equal(2, outputs.Count);
            Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} ran again: {o.Reason}"));
        }

        Assert.All(result.TrackedSteps[CustomResourceGenerator.StepNames.Kinds].SelectMany(s => s.Outputs), o =>
            Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"the kinds step ran again: {o.Reason}"));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o =>
            Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"an output step ran again: {o.Reason}"));
    }

    [Fact]
    public async Task Editing_one_crd_reruns_only_its_steps()
    {
        var widgetText = CrdGeneration.Text(Widget);
        var (driver, compilation) = await RunOnceAsync(widgetText);
        var edited = Widget with { Text = Widget.Text.Replace("size", "count", StringComparison.Ordinal) };
        driver = driver.ReplaceAdditionalText(widgetText, CrdGeneration.Text(edited));

        var result = driver.RunGenerators(compilation, CancellationToken.None).GetRunResult().Results.Single();

        foreach (var step in Steps)
        {
            var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.Equal([IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached], outputs.Select(o => o.Reason).Order());
        }

        var modified = result.TrackedSteps[CustomResourceGenerator.StepNames.Outputs].SelectMany(s => s.Outputs).Single(o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(Widget.Path, ((CustomResourceOutput)modified.Value).Path);
        Assert.Contains("public long? Count { get; set; }", result.GeneratedSources.Single(s => s.HintName.Contains("Widget", StringComparison.Ordinal)).SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Step_outputs_hold_no_symbol_syntax_or_compilation()
    {
        var (driver, _) = await RunOnceAsync();
        var result = driver.GetRunResult().Results.Single();

        foreach (var step in Steps)
        {
            foreach (var (value, _) in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                IncrementalPipelineTests.AssertHoldsNoForbiddenValue(value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
                IncrementalPipelineTests.AssertTypeHoldsNoForbiddenField(value.GetType(), step, []);
            }
        }
    }

    private static async Task<(GeneratorDriver Driver, Compilation Compilation)> RunOnceAsync(AdditionalText? widgetText = null)
    {
        var compilation = await CrdGeneration.CompilationAsync("namespace Shop; public static class Pricing { public static int Net => 1; }");
        var driver = CrdGeneration.Driver([Widget, Gadget], track: true, texts: [widgetText ?? CrdGeneration.Text(Widget), CrdGeneration.Text(Gadget)])
            .RunGenerators(compilation, CancellationToken.None);
        var first = driver.GetRunResult();
        Assert.Equal(2, first.GeneratedTrees.Length);
        Assert.Empty(first.Diagnostics);
        return (driver, compilation);
    }
}
