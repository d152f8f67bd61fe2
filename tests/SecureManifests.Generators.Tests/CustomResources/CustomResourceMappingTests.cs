using Microsoft.CodeAnalysis;

namespace SecureManifests.Generators.Tests.CustomResources;

/// <summary>How schema constructs become C# types, checked on the compiled output's symbols.</summary>
public sealed class CustomResourceMappingTests
{
    private const string Spec = """
        {type: object, required: [size, owner], properties: {
                    size: {type: integer, format: int32},
                    count: {type: integer, format: int64},
                    plain: {type: integer},
                    ratio: {type: number},
                    enabled: {type: boolean},
                    name: {type: string},
                    owner: {type: object, required: [name], properties: {name: {type: string}}},
                    since: {type: string, format: date-time},
                    port: {x-kubernetes-int-or-string: true, anyOf: [{type: integer}, {type: string}]},
                    config: {type: object, x-kubernetes-preserve-unknown-fields: true},
                    anything: {x-kubernetes-preserve-unknown-fields: true},
                    labels: {type: object, additionalProperties: {type: string}},
                    hosts: {type: array, items: {type: string}},
                    rules: {type: array, items: {type: object, properties: {path: {type: string}}}},
                    object: {type: object, x-kubernetes-embedded-resource: true, x-kubernetes-preserve-unknown-fields: true},
                    selector: {type: object, properties: {matchLabels: {type: object, additionalProperties: {type: string}}, matchExpressions: {type: array, items: {type: object, properties: {key: {type: string}}}}}},
                    template: {type: object, properties: {metadata: {type: object}, spec: {type: object, required: [containers], properties: {containers: {type: array, items: {type: object, required: [name], properties: {name: {type: string}, image: {type: string}}}}}}}},
                    pod: {type: object, required: [containers], properties: {containers: {type: array, items: {type: object, properties: {name: {type: string}, image: {type: string}}}}}},
                    mode: {type: string, enum: [Fast, slow-lane]},
                    level: {type: string, enum: ["", low, Low]}
                  }}
        """;

    [Fact]
    public async Task Each_construct_maps_to_its_type()
    {
        var compilation = await CompileCleanAsync(InlineCrd.Widget(Spec));

        Assert.Equal(
            [
                "size: int (required)", "count: long?", "plain: long?", "ratio: double?", "enabled: bool?", "name: string?",
                "owner: Consumer.ExampleCom.WidgetSpecOwner (required)", "since: System.DateTime?", "port: k8s.Models.IntOrString?",
                "config: System.Text.Json.Nodes.JsonObject?", "anything: System.Text.Json.Nodes.JsonNode?",
                "labels: System.Collections.Generic.IDictionary<string, string>?", "hosts: System.Collections.Generic.IList<string>?",
                "rules: System.Collections.Generic.IList<Consumer.ExampleCom.WidgetSpecRules>?", "object: System.Text.Json.Nodes.JsonObject?",
                "selector: k8s.Models.V1LabelSelector?", "template: k8s.Models.V1PodTemplateSpec?", "pod: k8s.Models.V1PodSpec?",
                "mode: Consumer.ExampleCom.WidgetSpecMode?", "level: string?",
            ],
            Properties(compilation, "Consumer.ExampleCom.WidgetSpec"));
        var root = compilation.GetTypeByMetadataName("Consumer.ExampleCom.Widget")!;
        Assert.Equal("k8s.Models.V1ObjectMeta", root.GetMembers("Metadata").OfType<IPropertySymbol>().Single().Type.ToDisplayString());
        Assert.Contains(root.AllInterfaces, i => i.ToDisplayString() == "k8s.Models.ISpec<Consumer.ExampleCom.WidgetSpec?>");
        Assert.Contains(root.AllInterfaces, i => i.ToDisplayString() == "k8s.Models.IStatus<Consumer.ExampleCom.WidgetStatus?>");
        Assert.Contains(root.AllInterfaces, i => i.ToDisplayString() == "k8s.IKubernetesObject<k8s.Models.V1ObjectMeta>");
        Assert.NotNull(compilation.GetTypeByMetadataName("Consumer.ExampleCom.WidgetList"));
    }

    [Fact]
    public async Task A_string_enum_with_distinct_names_is_an_enum_and_otherwise_checked_constants()
    {
        var compilation = await CompileCleanAsync(InlineCrd.Widget(Spec));

        var mode = compilation.GetTypeByMetadataName("Consumer.ExampleCom.WidgetSpecMode")!;
        Assert.Equal(TypeKind.Enum, mode.TypeKind);
        Assert.Equal(
            ["Fast=Fast", "SlowLane=slow-lane"],
            mode.GetMembers().OfType<IFieldSymbol>().Select(f => f.Name + "=" + f.GetAttributes().Single(a => a.AttributeClass!.Name == "JsonStringEnumMemberNameAttribute").ConstructorArguments[0].Value));
        var level = compilation.GetTypeByMetadataName("Consumer.ExampleCom.WidgetSpecLevelValues")!;
        Assert.True(level.IsStatic);
        Assert.Equal(["Empty=", "Low=low", "Low2=Low"], level.GetMembers().OfType<IFieldSymbol>().Select(f => f.Name + "=" + f.ConstantValue));
    }

    [Fact]
    public async Task Names_are_escaped_for_keywords_symbols_digits_duplicates_and_the_enclosing_type()
    {
        var compilation = await CompileCleanAsync(InlineCrd.Widget("""
            {type: object, properties: {
                        class: {type: string}, namespace: {type: string}, x-kubernetes-thing: {type: string}, $schema: {type: string},
                        3d: {type: string}, foo: {type: string}, Foo: {type: string}, equals: {type: string}, "-": {type: string},
                        widgetSpecInner: {type: object, properties: {widgetSpecInner: {type: string}, toString: {type: string}}},
                        type: {type: object, properties: {object: {type: string}, string: {type: string}, taskSpecType: {type: string}}}
                      }}
            """, kind: "Task"), "global using System; global using System.Threading.Tasks; global using System.Collections.Generic; global using Consumer.ExampleCom;");

        Assert.Equal(
            ["Class", "Namespace", "XKubernetesThing", "Schema", "_3d", "Foo", "Foo2", "Equals2", "Value", "WidgetSpecInner", "Type"],
            compilation.GetTypeByMetadataName("Consumer.ExampleCom.TaskSpec")!.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name));
        Assert.Equal(
            ["WidgetSpecInner", "ToString2"],
            compilation.GetTypeByMetadataName("Consumer.ExampleCom.TaskSpecWidgetSpecInner")!.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name));
        Assert.Equal(["Object", "String", "TaskSpecType2"], compilation.GetTypeByMetadataName("Consumer.ExampleCom.TaskSpecType")!.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name));
    }

    [Fact]
    public async Task A_property_named_like_its_class_is_renamed()
    {
        var compilation = await CompileCleanAsync(InlineCrd.Widget("{type: object, properties: {widgetSpec: {type: string}}}"));

        Assert.Equal(["widgetSpec: string?"], Properties(compilation, "Consumer.ExampleCom.WidgetSpec"));
        Assert.Equal("WidgetSpec2", compilation.GetTypeByMetadataName("Consumer.ExampleCom.WidgetSpec")!.GetMembers().OfType<IPropertySymbol>().Single().Name);
    }

    [Fact]
    public async Task The_storage_version_goes_in_the_namespace_and_other_served_versions_in_nested_ones()
    {
        const string Others = """
              - name: v1beta1
                served: true
                storage: false
                schema: {openAPIV3Schema: {type: object, properties: {spec: {type: object, properties: {old: {type: string}}}}}}
              - name: v1alpha1
                served: false
                storage: false
                schema: {openAPIV3Schema: {type: object}}
            """;
        var compilation = await CompileCleanAsync(InlineCrd.Widget("{type: object, properties: {size: {type: integer}}}", extraVersions: Others), ns: "Acme.Widgets");

        Assert.Equal(["size: long?"], Properties(compilation, "Acme.Widgets.WidgetSpec"));
        Assert.Equal(["old: string?"], Properties(compilation, "Acme.Widgets.V1beta1.WidgetSpec"));
        Assert.Equal("v1beta1", compilation.GetTypeByMetadataName("Acme.Widgets.V1beta1.Widget")!.GetMembers("KubeApiVersion").OfType<IFieldSymbol>().Single().ConstantValue);
        Assert.Null(compilation.GetTypeByMetadataName("Acme.Widgets.V1alpha1.Widget"));
    }

    [Fact]
    public async Task Without_namespace_metadata_the_types_go_in_the_root_namespace_and_the_group()
    {
        var compilation = await CompileCleanAsync(InlineCrd.Widget("{type: object}"), rootNamespace: "Shop");

        Assert.NotNull(compilation.GetTypeByMetadataName("Shop.ExampleCom.Widget"));
    }

    [Fact]
    public async Task Deeply_nested_and_very_long_names_are_shortened_and_stay_distinct()
    {
        var segment = new string('a', 120);
        var deep = "{type: object, properties: {" + segment + "1: {type: object, properties: {" + segment + "2: {type: object, properties: {x: {type: string}}}}}, "
            + segment + "3: {type: object, properties: {" + segment + "4: {type: object, properties: {y: {type: string}}}}}}}";

        var compilation = await CompileCleanAsync(InlineCrd.Widget(deep));

        var names = compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type).Select(t => t.Name).ToList();
        Assert.All(names, n => Assert.InRange(n.Length, 1, 160));
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public async Task A_required_member_left_out_fails_to_compile()
    {
        var generated = await CrdGeneration.RunAsync(
            [new CrdInput(InlineCrd.Path, InlineCrd.Widget(Spec))],
            "namespace Consumer; public static class Use { public static object Make() => new Consumer.ExampleCom.WidgetSpec { Size = 1 }; }");

        var errors = generated.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Equal("CS9035", Assert.Single(errors).Id);
        Assert.Contains("Owner", errors[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_required_spec_makes_spec_required_on_the_kind()
    {
        var compilation = await CompileCleanAsync(InlineCrd.Widget("{type: object, properties: {size: {type: integer}}}", rootRequired: "[spec]"));

        var spec = compilation.GetTypeByMetadataName("Consumer.ExampleCom.Widget")!.GetMembers("Spec").OfType<IPropertySymbol>().Single();
        Assert.True(spec.IsRequired);
        Assert.Equal(NullableAnnotation.NotAnnotated, spec.NullableAnnotation);
    }

    [Fact]
    public async Task Descriptions_become_escaped_summaries_with_paragraphs()
    {
        var compilation = await CompileCleanAsync(InlineCrd.Widget("""
            {type: object, properties: {size: {type: integer, description: "Use <b> & ]]> here.\n\nSecond paragraph\nwith two lines."}, a&b: {type: string}}}
            """));

        var xml = compilation.GetTypeByMetadataName("Consumer.ExampleCom.WidgetSpec")!.GetMembers("Size").Single().GetDocumentationCommentXml()!;
        var lines = string.Join("\n", xml.Split('\n').Select(l => l.Trim()));
        Assert.Contains("<summary>\n<para>\nUse &lt;b&gt; &amp; ]]&gt; here.\n</para>\n<para>\nSecond paragraph\nwith two lines.\n</para>\n</summary>", lines, StringComparison.Ordinal);
        var undocumented = compilation.GetTypeByMetadataName("Consumer.ExampleCom.WidgetSpec")!.GetMembers("AB").Single().GetDocumentationCommentXml()!;
        Assert.Contains("<summary>The <c>a&amp;b</c> field.</summary>", undocumented, StringComparison.Ordinal);
    }

    [CrdFact]
    public async Task The_argo_rollout_pod_template_is_a_V1PodTemplateSpec()
    {
        const string File = "argo-rollouts/rollout-crd.yaml";
        var generated = await CrdGeneration.RunAsync([new CrdInput(SharedCrds.FullPath(File), SharedCrds.Read(File), "Argo")]);

        var template = generated.Compilation.GetTypeByMetadataName("Argo.RolloutSpec")!.GetMembers("Template").OfType<IPropertySymbol>().Single();
        Assert.Equal("k8s.Models.V1PodTemplateSpec?", template.Type.ToDisplayString());
    }

    [CrdFact]
    public async Task Gateway_api_routes_get_their_storage_version_and_every_other_served_one()
    {
        const string File = "gateway-api/gateway.networking.k8s.io_httproutes.yaml";
        var generated = await CrdGeneration.RunAsync([new CrdInput(SharedCrds.FullPath(File), SharedCrds.Read(File), "Gateway")]);

        var storage = generated.Compilation.GetTypeByMetadataName("Gateway.HTTPRoute")!;
        Assert.Equal("v1", storage.GetMembers("KubeApiVersion").OfType<IFieldSymbol>().Single().ConstantValue);
        Assert.Equal("v1beta1", generated.Compilation.GetTypeByMetadataName("Gateway.V1beta1.HTTPRoute")!.GetMembers("KubeApiVersion").OfType<IFieldSymbol>().Single().ConstantValue);
        var entity = storage.GetAttributes().Single(a => a.AttributeClass!.Name == "KubernetesEntityAttribute");
        Assert.Equal(
            ["Group=gateway.networking.k8s.io", "Kind=HTTPRoute", "ApiVersion=v1", "PluralName=httproutes"],
            entity.NamedArguments.Select(a => a.Key + "=" + a.Value.Value));
    }

    [Fact]
    public async Task Generation_is_deterministic()
    {
        var first = await CrdGeneration.RunAsync([new CrdInput(InlineCrd.Path, InlineCrd.Widget(Spec))]);
        var second = await CrdGeneration.RunAsync([new CrdInput(InlineCrd.Path, InlineCrd.Widget(Spec))]);

        Assert.Equal(first.Compilation.SyntaxTrees.Select(t => t.ToString()), second.Compilation.SyntaxTrees.Select(t => t.ToString()));
        Assert.Equal("crds_widgets.Widget.g.cs", Path.GetFileName(Assert.Single(first.Compilation.SyntaxTrees).FilePath));
    }

    private static async Task<Compilation> CompileCleanAsync(string crd, string source = "", string? ns = null, string? rootNamespace = "Consumer")
    {
        var generated = await CrdGeneration.RunAsync([new CrdInput(InlineCrd.Path, crd, ns)], source, rootNamespace);
        Assert.Empty(generated.GeneratorDiagnostics);
        Assert.Empty(CrdGeneration.Problems(generated.Compilation));
        return generated.Compilation;
    }

    /// <summary>"jsonName: C# type" for each property of the type, "(required)" for required members.</summary>
    private static IEnumerable<string> Properties(Compilation compilation, string type) =>
        compilation.GetTypeByMetadataName(type)!.GetMembers().OfType<IPropertySymbol>().Select(p =>
            p.GetAttributes().Single(a => a.AttributeClass!.Name == "JsonPropertyNameAttribute").ConstructorArguments[0].Value + ": "
            + p.Type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithMiscellaneousOptions(
                SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier | SymbolDisplayMiscellaneousOptions.UseSpecialTypes))
            + (p.IsRequired ? " (required)" : string.Empty));
}
