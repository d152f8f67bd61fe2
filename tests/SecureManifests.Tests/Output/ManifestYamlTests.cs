using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SecureManifests.Output;

namespace SecureManifests.Tests.Output;

public class ManifestYamlTests
{
    private static List<string> KeysAtIndent(string yaml, int indent) =>
        yaml.Split('\n')
            .Where(l => l.Length > indent && l[..indent].Trim().Length == 0 && l[indent] != ' ' && l[indent] != '-' && l.Contains(':', StringComparison.Ordinal))
            .Select(l => l[indent..l.IndexOf(':', StringComparison.Ordinal)])
            .ToList();

    private static JsonNode Json(IKubernetesObject obj) => JsonNode.Parse(KubernetesJson.Serialize(obj))!;

    // ---- key order ----

    [Fact]
    public void Top_level_keys_are_apiVersion_kind_metadata_spec_then_the_rest_alphabetically()
    {
        var deployment = TestObjects.Deployment("shop", "api");
        deployment.Status = new V1DeploymentStatus { Replicas = 1 };
        Assert.Equal(["apiVersion", "kind", "metadata", "spec", "status"], KeysAtIndent(ManifestYaml.Serialize(deployment), 0));

        var secret = new V1Secret
        {
            Type = "Opaque",
            StringData = new Dictionary<string, string> { ["a"] = "b" },
            Immutable = true,
            Metadata = new V1ObjectMeta { Name = "s", NamespaceProperty = "shop" },
            Kind = "Secret",
            ApiVersion = "v1",
        };
        Assert.Equal(["apiVersion", "kind", "metadata", "immutable", "stringData", "type"], KeysAtIndent(ManifestYaml.Serialize(secret), 0));
    }

    [Fact]
    public void Metadata_keys_are_name_namespace_labels_annotations_then_the_rest_alphabetically()
    {
        var cm = TestObjects.ConfigMap("shop", "cfg", new Dictionary<string, string> { ["k"] = "v" });
        cm.Metadata.Finalizers = ["example.com/keep"];
        cm.Metadata.Annotations = new Dictionary<string, string> { ["note"] = "x" };
        cm.Metadata.Labels = new Dictionary<string, string> { ["app"] = "cfg" };
        cm.Metadata.GenerateName = "cfg-";

        var yaml = ManifestYaml.Serialize(cm);
        var metadata = yaml[yaml.IndexOf("metadata:\n", StringComparison.Ordinal)..yaml.IndexOf("\ndata:\n", StringComparison.Ordinal)];
        Assert.Equal(["name", "namespace", "labels", "annotations", "finalizers", "generateName"], KeysAtIndent(metadata, 2));
    }

    [Fact]
    public void Pod_template_metadata_follows_the_metadata_order_too()
    {
        var deployment = TestObjects.Deployment("shop", "api");
        deployment.Spec.Template.Metadata.Annotations = new Dictionary<string, string> { ["a"] = "b" };
        deployment.Spec.Template.Metadata.Name = "tpl";

        Assert.Contains("  template:\n    metadata:\n      name: tpl\n      labels:\n        app: api\n      annotations:\n        a: b\n",
            ManifestYaml.Serialize(deployment), StringComparison.Ordinal);
    }

    [Fact]
    public void Mappings_with_a_name_put_it_first_and_sort_the_rest()
    {
        var yaml = ManifestYaml.Serialize(TestObjects.Deployment("shop", "api"));

        Assert.Contains(
            "      containers:\n      - name: app\n        env:\n        - name: MODE\n          value: production\n" +
            "        image: nginx:1.27\n        ports:\n        - name: http\n          containerPort: 8080\n          protocol: TCP\n" +
            "        resources:\n          limits:\n            memory: 128Mi\n        volumeMounts:\n        - name: tmp\n          mountPath: /tmp\n",
            yaml, StringComparison.Ordinal);
        Assert.Contains("      volumes:\n      - name: tmp\n        emptyDir: {}\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Mappings_without_a_name_and_user_keyed_maps_are_purely_alphabetical()
    {
        var deployment = TestObjects.Deployment("shop", "api");
        deployment.Metadata.Labels = new Dictionary<string, string> { ["tier"] = "web", ["name"] = "api", ["app"] = "api" };
        deployment.Spec.Template.Spec.Containers[0].SecurityContext = new V1SecurityContext
        {
            RunAsNonRoot = true,
            AllowPrivilegeEscalation = false,
            ReadOnlyRootFilesystem = true,
        };

        var yaml = ManifestYaml.Serialize(deployment);

        Assert.Contains("  labels:\n    app: api\n    name: api\n    tier: web\n", yaml, StringComparison.Ordinal);
        Assert.Contains("        securityContext:\n          allowPrivilegeEscalation: false\n          readOnlyRootFilesystem: true\n          runAsNonRoot: true\n",
            yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_does_not_depend_on_the_order_dictionaries_were_filled_in()
    {
        var a = TestObjects.ConfigMap("ns", "cm", new Dictionary<string, string> { ["b"] = "2", ["a"] = "1", ["c"] = "3" });
        var b = TestObjects.ConfigMap("ns", "cm", new Dictionary<string, string> { ["c"] = "3", ["a"] = "1", ["b"] = "2" });

        Assert.Equal(ManifestYaml.Serialize(a), ManifestYaml.Serialize(b));
    }

    // ---- nulls and empties ----

    [Fact]
    public void Null_values_are_omitted()
    {
        var deployment = TestObjects.Deployment("shop", "api");
        deployment.Spec.Template.Spec.Containers[0].Image = null;
        deployment.Spec.Template.Spec.Containers[0].Command = null;

        var yaml = ManifestYaml.Serialize(deployment);

        Assert.DoesNotContain("image", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("command", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("null", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_mappings_and_sequences_are_dropped_recursively()
    {
        var deployment = TestObjects.Deployment("shop", "api");
        var container = deployment.Spec.Template.Spec.Containers[0];
        container.SecurityContext = new V1SecurityContext { Capabilities = new V1Capabilities { Drop = [] } };
        container.Resources = new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity>() };
        container.Args = [];
        deployment.Metadata.Annotations = new Dictionary<string, string>();

        var yaml = ManifestYaml.Serialize(deployment);

        Assert.DoesNotContain("securityContext", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("capabilities", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("resources", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("args", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("annotations", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("[]", yaml, StringComparison.Ordinal);
        Assert.Equal(1, CountOccurrences(yaml, "{}")); // only emptyDir
    }

    [Fact]
    public void Empty_mappings_that_mean_something_are_kept()
    {
        var policy = new V1NetworkPolicy
        {
            ApiVersion = "networking.k8s.io/v1",
            Kind = "NetworkPolicy",
            Metadata = new V1ObjectMeta { Name = "from-all-namespaces", NamespaceProperty = "shop" },
            Spec = new V1NetworkPolicySpec
            {
                PodSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string>() },
                Ingress = [new V1NetworkPolicyIngressRule { FromProperty = [new V1NetworkPolicyPeer { NamespaceSelector = new V1LabelSelector() }] }],
            },
        };
        var pdb = new V1PodDisruptionBudget
        {
            ApiVersion = "policy/v1",
            Kind = "PodDisruptionBudget",
            Metadata = new V1ObjectMeta { Name = "all", NamespaceProperty = "shop" },
            Spec = new V1PodDisruptionBudgetSpec { MinAvailable = 1, Selector = new V1LabelSelector() },
        };
        var deployment = TestObjects.Deployment("shop", "api");
        deployment.Spec.Template.Spec.Affinity = new V1Affinity
        {
            PodAntiAffinity = new V1PodAntiAffinity
            {
                RequiredDuringSchedulingIgnoredDuringExecution =
                    [new V1PodAffinityTerm { TopologyKey = "kubernetes.io/hostname", LabelSelector = new V1LabelSelector() }],
            },
        };

        var policyYaml = ManifestYaml.Serialize(policy);
        Assert.Contains("  podSelector: {}\n", policyYaml, StringComparison.Ordinal);
        Assert.Contains("  - from:\n    - namespaceSelector: {}\n", policyYaml, StringComparison.Ordinal);
        Assert.Contains("  selector: {}\n", ManifestYaml.Serialize(pdb), StringComparison.Ordinal);
        Assert.Contains("          - labelSelector: {}\n", ManifestYaml.Serialize(deployment), StringComparison.Ordinal);
        Assert.Contains("        emptyDir: {}\n", ManifestYaml.Serialize(deployment), StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_mappings_inside_sequences_are_kept()
    {
        var yaml = ManifestYaml.Serialize(TestObjects.AllowAllIngress("shop", "allow-all"));

        Assert.Contains("  ingress:\n  - {}\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  podSelector: {}\n", yaml, StringComparison.Ordinal);
        var ingress = YamlReader.ReadSingle(yaml)["spec"]!["ingress"]!.AsArray();
        Assert.Empty(Assert.IsType<JsonObject>(Assert.Single(ingress)));
    }

    // ---- scalar types ----

    [Fact]
    public void Numbers_and_bools_keep_their_json_type_and_int_or_string_keeps_its_kind()
    {
        var service = TestObjects.Service("shop", "api");
        service.Spec.Ports.Add(new V1ServicePort { Name = "metrics", Port = 9090, TargetPort = 9091 });
        service.Spec.PublishNotReadyAddresses = false;

        var yaml = ManifestYaml.Serialize(service);

        Assert.Contains("  - name: http\n    port: 80\n    targetPort: http\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  - name: metrics\n    port: 9090\n    targetPort: 9091\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  publishNotReadyAddresses: false\n", yaml, StringComparison.Ordinal);
        var ports = YamlReader.ReadSingle(yaml)["spec"]!["ports"]!.AsArray();
        Assert.Equal(JsonValueKind.String, ports[0]!["targetPort"]!.GetValueKind());
        Assert.Equal(JsonValueKind.Number, ports[1]!["targetPort"]!.GetValueKind());
        Assert.Equal(JsonValueKind.False, YamlReader.ReadSingle(yaml)["spec"]!["publishNotReadyAddresses"]!.GetValueKind());
    }

    [Fact]
    public void A_numeric_string_stays_a_string()
    {
        var deployment = TestObjects.Deployment("shop", "api");
        deployment.Spec.Template.Spec.Containers[0].Env = [new V1EnvVar { Name = "PORT", Value = "8080" }, new V1EnvVar { Name = "DEBUG", Value = "false" }];

        var yaml = ManifestYaml.Serialize(deployment);

        Assert.Contains("        - name: PORT\n          value: \"8080\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("        - name: DEBUG\n          value: \"false\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("          containerPort: 8080\n", yaml, StringComparison.Ordinal);
    }

    // ---- quantities ----

    [Theory]
    [InlineData("0.5", "500m")]
    [InlineData("1024Mi", "1Gi")]
    [InlineData("2000m", "\"2\"")]
    public void KubernetesClient_canonicalizes_plain_ResourceQuantity(string written, string emitted)
    {
        // Documents the library behaviour that VerbatimQuantity exists for: ResourceQuantity keeps only
        // the parsed value and suffix format, so the user's spelling cannot be recovered from it.
        var yaml = ManifestYaml.Serialize(WithCpu(new ResourceQuantity(written)));
        Assert.Contains($"            cpu: {emitted}\n", yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.5", "\"0.5\"")]
    [InlineData("1024Mi", "1024Mi")]
    [InlineData("2000m", "2000m")]
    [InlineData("1e3", "\"1e3\"")]
    [InlineData("2", "\"2\"")]
    [InlineData("1.5Gi", "1.5Gi")]
    public void VerbatimQuantity_is_written_exactly_as_the_user_wrote_it(string written, string emitted)
    {
        var yaml = ManifestYaml.Serialize(WithCpu(new VerbatimQuantity(written)));

        Assert.Contains($"            cpu: {emitted}\n", yaml, StringComparison.Ordinal);
        var readBack = KubernetesYaml.Deserialize<V1Deployment>(yaml).Spec.Template.Spec.Containers[0].Resources.Limits["cpu"];
        Assert.Equal(new ResourceQuantity(written), readBack);
    }

    [Fact]
    public void VerbatimQuantity_rejects_what_is_not_a_quantity_and_equals_by_value()
    {
        Assert.ThrowsAny<Exception>(() => new VerbatimQuantity("lots"));
        Assert.Equal(new ResourceQuantity("500m"), new VerbatimQuantity("0.5"));
    }

    private static V1Deployment WithCpu(ResourceQuantity cpu)
    {
        var deployment = TestObjects.Deployment("shop", "api");
        deployment.Spec.Template.Spec.Containers[0].Resources.Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = cpu };
        return deployment;
    }

    // ---- text format ----

    [Fact]
    public void Output_is_block_style_with_two_space_indent_lf_endings_and_a_final_newline()
    {
        var yaml = ManifestYaml.Serialize(TestObjects.Deployment("shop", "api"));

        Assert.DoesNotContain('\r', yaml);
        Assert.EndsWith("\n", yaml, StringComparison.Ordinal);
        Assert.False(yaml.EndsWith("\n\n", StringComparison.Ordinal));
        Assert.StartsWith("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("---", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("...", yaml, StringComparison.Ordinal);
        Assert.Contains("\n  template:\n    metadata:\n", yaml, StringComparison.Ordinal);
        Assert.Contains("\n      containers:\n      - name: app\n", yaml, StringComparison.Ordinal);
        Assert.All(yaml.Split('\n'), line => Assert.Equal(0, (line.Length - line.TrimStart(' ').Length) % 2));
    }

    [Fact]
    public void Long_strings_are_not_folded_and_non_ascii_text_is_written_as_is()
    {
        var long1 = string.Join(' ', Enumerable.Repeat("word", 100));
        var yaml = ManifestYaml.Serialize(TestObjects.ConfigMap("ns", "cm", new Dictionary<string, string> { ["long"] = long1, ["greeting"] = "grüß dich" }));

        Assert.Contains("  long: " + long1 + "\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  greeting: grüß dich\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_to_a_TextWriter_equals_Serialize()
    {
        var deployment = TestObjects.Deployment("shop", "api");
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        ManifestYaml.Write(deployment, writer);

        Assert.Equal(ManifestYaml.Serialize(deployment), writer.ToString());
    }

    // ---- round trip ----

    public static TheoryData<string> RoundTripObjects => new() { "deployment", "service", "networkpolicy", "configmap", "clusterrole", "widget" };

    private static IKubernetesObject Build(string which) => which switch
    {
        "deployment" => TestObjects.Deployment("shop", "api"),
        "service" => TestObjects.Service("shop", "api"),
        "networkpolicy" => TestObjects.AllowAllIngress("shop", "allow-all"),
        "configmap" => TestObjects.ConfigMap("shop", "cfg", new Dictionary<string, string>
        {
            ["on"] = "off", ["port"] = "0123", ["float"] = "1e3", ["date"] = "2001-12-14", ["empty"] = "",
            ["spaced"] = " x ", ["script.sh"] = "#!/bin/sh\necho 'a: b' # c\n", ["nginx"] = "nginx",
        }),
        "clusterrole" => TestObjects.ClusterRole("system:reader"),
        _ => new Widget
        {
            Metadata = new V1ObjectMeta { Name = "w", NamespaceProperty = "shop" },
            Spec = new WidgetSpec { Size = 3, Colour = "yes", Extras = new Dictionary<string, string> { ["name"] = "n", ["a"] = "1.0" } },
        },
    };

    [Theory]
    [MemberData(nameof(RoundTripObjects))]
    public void Emitted_yaml_reads_back_as_the_input_json(string which)
    {
        var obj = Build(which);

        var readBack = YamlReader.ReadSingle(ManifestYaml.Serialize(obj));

        Assert.True(JsonNode.DeepEquals(Json(obj), readBack), $"expected {Json(obj).ToJsonString()}\nactual   {readBack.ToJsonString()}");
    }

    [Fact]
    public void Emitted_yaml_loads_back_through_KubernetesYaml_into_the_same_object()
    {
        var deployment = TestObjects.Deployment("shop", "api");

        var loaded = KubernetesYaml.LoadAllFromString(ManifestYaml.Serialize(deployment));

        var readBack = Assert.IsType<V1Deployment>(Assert.Single(loaded));
        Assert.Equal(KubernetesJson.Serialize(deployment), KubernetesJson.Serialize(readBack));
    }

    [Fact]
    public void Custom_resource_objects_are_written_with_the_same_rules()
    {
        // "extras" is not a known user-keyed map, so it follows the structured rule: name first.
        var yaml = ManifestYaml.Serialize(Build("widget"));

        Assert.Equal(
            "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  namespace: shop\nspec:\n" +
            "  colour: \"yes\"\n  extras:\n    name: \"n\"\n    a: \"1.0\"\n  size: 3\n",
            yaml);
    }

    // ---- determinism ----

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void Output_is_identical_under_other_cultures(string culture)
    {
        var objects = TestObjects.App().Append(Build("configmap")).Append(Build("widget")).ToList();
        var invariant = objects.Select(ManifestYaml.Serialize).ToList();

        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(invariant, objects.Select(ManifestYaml.Serialize).ToList());
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    // ---- errors ----

    [Fact]
    public void An_object_that_cannot_be_serialized_gives_a_clear_error_naming_it()
    {
        var ex = Assert.Throws<ManifestOutputException>(() => ManifestYaml.Serialize(new Exploding()));

        Assert.Contains("Exploding shop/boom", ex.Message, StringComparison.Ordinal);
        Assert.Contains("spec of boom is not ready", ex.Message, StringComparison.Ordinal);
    }

    private static int CountOccurrences(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
