using SecureManifests.CustomResources;

namespace SecureManifests.Generators.Tests.CustomResources;

public sealed class CustomResourceDefinitionReaderTests
{
    private const string Beta = """
          - name: v1beta1
            served: true
            storage: false
            schema:
              openAPIV3Schema:
                type: object
        """;

    private static readonly string Widget = InlineCrd.Widget("{type: object, required: [size], properties: {size: {type: integer, minimum: 1}}}", extraVersions: Beta);

    [Fact]
    public void Reads_names_scope_and_versions_in_file_order()
    {
        var result = CustomResourceDefinitionReader.Read(Widget, "widget.yaml");

        Assert.Empty(result.Problems);
        var definition = Assert.Single(result.Definitions);
        Assert.Equal(("example.com", "Widget", "widgets", "WidgetList", true), (definition.Group, definition.Kind, definition.Plural, definition.ListKind, definition.Namespaced));
        Assert.Equal(["v1", "v1beta1"], definition.Versions.Select(v => v.Name));
        Assert.Equal("v1", definition.StorageVersion.Name);
        Assert.Equal(12, definition.Versions[0].Line);
        var size = definition.StorageVersion.Schema.Property("spec")!.Property("size")!;
        Assert.Equal(("integer", 1d), (size.Type, size.Minimum));
        Assert.Equal((20, ColumnOf(20, "{type: integer")), (size.Line, size.Column));
        Assert.True(definition.StorageVersion.Schema.Property("spec")!.IsRequired("size"));
    }

    [Fact]
    public void A_cluster_scoped_crd_is_not_namespaced()
    {
        var result = CustomResourceDefinitionReader.Read(Widget.Replace("scope: Namespaced", "scope: Cluster", StringComparison.Ordinal), "w.yaml");

        Assert.False(Assert.Single(result.Definitions).Namespaced);
    }

    [Fact]
    public void Other_kinds_in_the_file_are_ignored_and_every_crd_is_read()
    {
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n---\n" + Widget + "\n---\n" + Widget.Replace("Widget", "Gadget", StringComparison.Ordinal);

        var result = CustomResourceDefinitionReader.Read(text, "mixed.yaml");

        Assert.Empty(result.Problems);
        Assert.Equal(["Widget", "Gadget"], result.Definitions.Select(d => d.Kind));
        Assert.Equal(6, result.Definitions[0].Line);
    }

    [Fact]
    public void A_v1beta1_crd_is_unsupported_at_its_api_version()
    {
        var result = CustomResourceDefinitionReader.Read(Widget.Replace("apiextensions.k8s.io/v1", "apiextensions.k8s.io/v1beta1", StringComparison.Ordinal), "old.yaml");

        Assert.Empty(result.Definitions);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((CustomResourceProblemIds.UnsupportedApiVersion, 1, 13), (problem.Id, problem.Line, problem.Column));
        Assert.Contains("widgets.example.com is apiextensions.k8s.io/v1beta1", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_yaml_syntax_error_is_a_problem_at_its_line()
    {
        var result = CustomResourceDefinitionReader.Read(Widget.Replace("  group: example.com", "  group: [example.com", StringComparison.Ordinal), "broken.yaml");

        Assert.Empty(result.Definitions);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(CustomResourceProblemIds.MalformedYaml, problem.Id);
        Assert.InRange(problem.Line, 6, 7);
        Assert.StartsWith("broken.yaml is not valid YAML: ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_kind_and_plural_are_problems_at_names()
    {
        var result = CustomResourceDefinitionReader.Read(
            Widget.Replace("    kind: Widget\n", string.Empty, StringComparison.Ordinal).Replace("    plural: widgets\n", "    singular: widget\n", StringComparison.Ordinal),
            "nameless.yaml");

        Assert.Empty(result.Definitions);
        Assert.Equal(
            [(CustomResourceProblemIds.MissingField, 8, 5, "CustomResourceDefinition widgets.example.com has no spec.names.kind"),
             (CustomResourceProblemIds.MissingField, 8, 5, "CustomResourceDefinition widgets.example.com has no spec.names.plural")],
            result.Problems.Select(p => (p.Id, p.Line, p.Column, p.Message)));
    }

    [Theory]
    [InlineData("  group: example.com\n", "spec.group")]
    [InlineData("    storage: true\n", "a version with storage: true")]
    public void Missing_group_or_storage_version_is_a_problem(string removed, string what)
    {
        var result = CustomResourceDefinitionReader.Read(Widget.Replace(removed, string.Empty, StringComparison.Ordinal), "w.yaml");

        Assert.Empty(result.Definitions);
        Assert.Equal("CustomResourceDefinition widgets.example.com has no " + what, Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void A_ref_is_an_unsupported_construct_at_its_line()
    {
        var result = CustomResourceDefinitionReader.Read(Widget.Replace("type: integer", "$ref: '#/definitions/Size'", StringComparison.Ordinal), "ref.yaml");

        Assert.Empty(result.Definitions);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((CustomResourceProblemIds.UnsupportedConstruct, 20, ColumnOf(20, "'#/definitions/Size'", "$ref")), (problem.Id, problem.Line, problem.Column));
    }

    /// <summary>The 1-based column of <paramref name="text"/> on a 1-based line of the CRD (with a replacement applied).</summary>
    private static int ColumnOf(int line, string text, string? replaced = null)
    {
        var crd = replaced is null ? Widget : Widget.Replace("type: integer", "$ref: " + text, StringComparison.Ordinal);
        return crd.Split('\n')[line - 1].IndexOf(text, StringComparison.Ordinal) + 1;
    }

    [Theory]
    [InlineData("")]
    [InlineData("]]]")]
    [InlineData("- a\n- b")]
    [InlineData("kind: CustomResourceDefinition\napiVersion: apiextensions.k8s.io/v1\n")]
    [InlineData("kind: CustomResourceDefinition\napiVersion: apiextensions.k8s.io/v1\nspec: {versions: [{name: v1, schema: {openAPIV3Schema: {properties: 3, items: [1], type: thing, minimum: x}}}]}\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("a: *nowhere\n")]
    [InlineData("\t- bad indentation\n  : :")]
    public void Bad_input_never_throws(string text)
    {
        var result = CustomResourceDefinitionReader.Read(text, "bad.yaml");

        Assert.Empty(result.Definitions);
        Assert.All(result.Problems, p => Assert.True(p.Line >= 1 && p.Column >= 1, p.ToString()));
    }

    [Fact]
    public void A_schema_nested_deeper_than_the_limit_is_a_problem_not_a_stack_overflow()
    {
        var deep = string.Concat(Enumerable.Repeat("{type: object, properties: {a: ", StructuralSchema.MaxDepth + 5)) + "{type: string}" + new string('}', 2 * (StructuralSchema.MaxDepth + 5));

        var result = CustomResourceDefinitionReader.Read(InlineCrd.Widget(deep), "deep.yaml");

        Assert.Empty(result.Definitions);
        Assert.Equal("the schema nests deeper than 128 levels", Assert.Single(result.Problems).Message);
    }

    [CrdTheory]
    [MemberData(nameof(SharedCrds.Files), MemberType = typeof(SharedCrds))]
    public void Every_shared_crd_reads_without_problems(string file)
    {
        var result = CustomResourceDefinitionReader.Read(SharedCrds.Read(file), file);

        Assert.Empty(result.Problems);
        Assert.NotEmpty(result.Definitions);
    }
}
