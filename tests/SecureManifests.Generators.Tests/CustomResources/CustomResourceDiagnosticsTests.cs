using Microsoft.CodeAnalysis;

namespace SecureManifests.Generators.Tests.CustomResources;

/// <summary>A CRD file that yields no types is a diagnostic at its line and column; the other files still generate.</summary>
public sealed class CustomResourceDiagnosticsTests
{
    private const string Good = "/project/crds/good.yaml";
    private const string Bad = "/project/crds/bad.yaml";

    [Theory]
    [InlineData("  group: example.com\n", "  group: [example.com\n", "SM0110", 6)]
    [InlineData("apiVersion: apiextensions.k8s.io/v1\n", "apiVersion: apiextensions.k8s.io/v1beta1\n", "SM0111", 1)]
    [InlineData("    kind: Widget\n", "    singular: widget\n", "SM0112", 8)]
    [InlineData("size: {type: integer}", "size: {type: integer, $ref: '#/x'}", "SM0113", 20)]
    public async Task A_bad_file_is_a_diagnostic_at_its_line_and_the_others_still_generate(string original, string replacement, string id, int line)
    {
        var bad = InlineCrd.Widget("{type: object, properties: {size: {type: integer}}}").Replace(original, replacement, StringComparison.Ordinal);
        Assert.NotEqual(InlineCrd.Widget("{type: object, properties: {size: {type: integer}}}"), bad);

        var generated = await CrdGeneration.RunAsync([new CrdInput(Bad, bad), new CrdInput(Good, InlineCrd.Widget("{type: object}", kind: "Gadget"))]);

        var diagnostic = Assert.Single(generated.GeneratorDiagnostics);
        Assert.Equal((id, DiagnosticSeverity.Error, Bad), (diagnostic.Id, diagnostic.Severity, diagnostic.Location.GetLineSpan().Path));
        Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Equal("crds_good.Gadget.g.cs", Path.GetFileName(Assert.Single(generated.Compilation.SyntaxTrees).FilePath));
        Assert.Equal("https://github.com/securemanifests/securemanifests/blob/main/docs/rules/" + id + ".md", diagnostic.Descriptor.HelpLinkUri);
        Assert.True(File.Exists(Path.Combine(TestPaths.RepositoryRoot, "docs", "rules", id + ".md")), "docs/rules/" + id + ".md is missing");
    }

    [Fact]
    public async Task The_diagnostic_points_at_the_column_of_the_problem()
    {
        var bad = InlineCrd.Widget("{type: object, properties: {size: {type: integer, $ref: '#/x'}}}");

        var generated = await CrdGeneration.RunAsync([new CrdInput(Bad, bad)]);

        var diagnostic = Assert.Single(generated.GeneratorDiagnostics);
        var text = bad.Split('\n')[diagnostic.Location.GetLineSpan().StartLinePosition.Line];
        Assert.StartsWith("'#/x'", text[diagnostic.Location.GetLineSpan().StartLinePosition.Character..], StringComparison.Ordinal);
        Assert.Equal("$ref is not allowed in a CRD schema; inline the referenced schema", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_file_without_a_crd_is_ignored_without_a_diagnostic()
    {
        var generated = await CrdGeneration.RunAsync([new CrdInput(Bad, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n")]);

        Assert.Empty(generated.GeneratorDiagnostics);
        Assert.Empty(generated.Compilation.SyntaxTrees);
    }

    [Fact]
    public async Task A_file_without_the_metadata_is_not_read()
    {
        var generated = await CrdGeneration.RunAsync([new CrdInput(Bad, "]]] not yaml", Marked: false)]);

        Assert.Empty(generated.GeneratorDiagnostics);
        Assert.Empty(generated.Compilation.SyntaxTrees);
    }

    [Theory]
    [InlineData("Shop.9lives")]
    [InlineData("Shop..Crds")]
    [InlineData("Shop.event")]
    public async Task A_namespace_that_is_not_a_csharp_namespace_is_SM0114(string ns)
    {
        var generated = await CrdGeneration.RunAsync([new CrdInput(Bad, InlineCrd.Widget("{type: object}"), ns)]);

        Assert.Equal("SM0114", Assert.Single(generated.GeneratorDiagnostics).Id);
        Assert.Empty(generated.Compilation.SyntaxTrees);
    }

    [Fact]
    public async Task Files_whose_names_differ_only_in_unsafe_characters_get_distinct_hint_names()
    {
        var generated = await CrdGeneration.RunAsync(
            [new CrdInput("/project/crds/a b.yaml", InlineCrd.Widget("{type: object}"), "One"), new CrdInput("/project/crds/a_b.yaml", InlineCrd.Widget("{type: object}"), "Two")]);

        Assert.Empty(generated.GeneratorDiagnostics);
        Assert.Equal(2, generated.Compilation.SyntaxTrees.Select(t => t.FilePath).Distinct().Count());
    }

    [Fact]
    public async Task The_same_kind_twice_in_one_namespace_is_SM0115_at_the_second_file()
    {
        var generated = await CrdGeneration.RunAsync(
            [new CrdInput("/project/crds/b-copy.yaml", "# a copy\n" + InlineCrd.Widget("{type: object}"), "Shop"), new CrdInput("/project/crds/a.yaml", InlineCrd.Widget("{type: object}"), "Shop"),
             new CrdInput("/project/crds/c.yaml", InlineCrd.Widget("{type: object}"), "Elsewhere")]);

        var diagnostic = Assert.Single(generated.GeneratorDiagnostics);
        Assert.Equal(("SM0115", "/project/crds/b-copy.yaml", 1), (diagnostic.Id, diagnostic.Location.GetLineSpan().Path, diagnostic.Location.GetLineSpan().StartLinePosition.Line));
        Assert.Equal(
            "The CRD defines Shop.Widget, which a.yaml defines too; give one of the files another Namespace metadata",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
