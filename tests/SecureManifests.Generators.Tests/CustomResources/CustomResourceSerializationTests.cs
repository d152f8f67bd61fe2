using System.Reflection;
using System.Text.Json.Nodes;
using k8s;

namespace SecureManifests.Generators.Tests.CustomResources;

/// <summary>Generated objects serialize with KubernetesClient's own options to the JSON the CRD describes, and read back.</summary>
public sealed class CustomResourceSerializationTests
{
    private const string Spec = """
        {type: object, required: [size], properties: {
                    size: {type: integer, format: int32},
                    mode: {type: string, enum: [Fast, slow-lane]},
                    level: {type: string, enum: ["", low, Low]},
                    port: {x-kubernetes-int-or-string: true},
                    issuerRef: {type: object, properties: {name: {type: string}}},
                    since: {type: string, format: date-time},
                    labels: {type: object, additionalProperties: {type: string}},
                    config: {type: object, x-kubernetes-preserve-unknown-fields: true},
                    open: {type: object, x-kubernetes-preserve-unknown-fields: true, properties: {known: {type: string}}}
                  }}
        """;

    private const string User = """
        using Consumer.ExampleCom;

        namespace Consumer;

        public static class Make
        {
            public static object Widget() => new Widget
            {
                Metadata = new() { Name = "w", NamespaceProperty = "shop" },
                Spec = new WidgetSpec
                {
                    Size = 3,
                    Mode = WidgetSpecMode.SlowLane,
                    Level = WidgetSpecLevelValues.Low2,
                    Port = "http",
                    IssuerRef = new WidgetSpecIssuerRef { Name = "letsencrypt" },
                    Since = new System.DateTime(2026, 1, 2, 3, 4, 5, System.DateTimeKind.Utc),
                    Labels = new System.Collections.Generic.Dictionary<string, string> { ["tier"] = "web" },
                    Config = new System.Text.Json.Nodes.JsonObject { ["any"] = 1 },
                },
            };
        }
        """;

    private const string Expected =
        """{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w","namespace":"shop"},"spec":{"size":3,"mode":"slow-lane","level":"Low","port":"http","issuerRef":{"name":"letsencrypt"},"since":"2026-01-02T03:04:05Z","labels":{"tier":"web"},"config":{"any":1}}}""";

    [Fact]
    public async Task A_generated_object_serializes_with_kubernetes_options_and_round_trips()
    {
        var generated = await CrdGeneration.RunAsync([new CrdInput(InlineCrd.Path, InlineCrd.Widget(Spec))], User);
        var assembly = CrdGeneration.Load(generated.Compilation);
        var widget = assembly.GetType("Consumer.Make")!.GetMethod("Widget")!.Invoke(null, null)!;

        var json = KubernetesJson.Serialize(widget);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Expected), JsonNode.Parse(json)), json);
        var type = assembly.GetType("Consumer.ExampleCom.Widget")!;
        var read = Deserialize(type, json);
        Assert.Equal(json, KubernetesJson.Serialize(read));
        Assert.IsAssignableFrom<IKubernetesObject<k8s.Models.V1ObjectMeta>>(read);
    }

    [CrdFact]
    public async Task A_cert_manager_certificate_serializes_to_the_json_cert_manager_reads()
    {
        const string File = "cert-manager/cert-manager.io_certificates.yaml";
        const string Make = """
            using Acme.CertManager;

            namespace Consumer;

            public static class Make
            {
                public static object Certificate() => new Certificate
                {
                    Metadata = new() { Name = "shop-tls" },
                    Spec = new CertificateSpec
                    {
                        SecretName = "shop-tls",
                        IssuerRef = new CertificateSpecIssuerRef { Name = "letsencrypt", Kind = "ClusterIssuer" },
                        DnsNames = ["shop.example.com"],
                        PrivateKey = new CertificateSpecPrivateKey { Algorithm = CertificateSpecPrivateKeyAlgorithm.ECDSA, Size = 256 },
                        Usages = [CertificateSpecUsages.ServerAuth, CertificateSpecUsages.SMime],
                    },
                };
            }
            """;
        var generated = await CrdGeneration.RunAsync([new CrdInput(SharedCrds.FullPath(File), SharedCrds.Read(File), "Acme.CertManager")], Make);
        var certificate = CrdGeneration.Load(generated.Compilation).GetType("Consumer.Make")!.GetMethod("Certificate")!.Invoke(null, null)!;

        Assert.Equal(
            """{"apiVersion":"cert-manager.io/v1","kind":"Certificate","metadata":{"name":"shop-tls"},"spec":{"dnsNames":["shop.example.com"],"issuerRef":{"kind":"ClusterIssuer","name":"letsencrypt"},"privateKey":{"algorithm":"ECDSA","size":256},"secretName":"shop-tls","usages":["server auth","s/mime"]}}""",
            KubernetesJson.Serialize(certificate));
    }

    [Fact]
    public async Task Unknown_fields_of_a_schema_that_preserves_them_round_trip()
    {
        var generated = await CrdGeneration.RunAsync([new CrdInput(InlineCrd.Path, InlineCrd.Widget(Spec))]);
        var type = CrdGeneration.Load(generated.Compilation).GetType("Consumer.ExampleCom.Widget")!;
        const string Json = """{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":1,"open":{"known":"k","extra":{"deep":[1,2]}}}}""";

        var read = Deserialize(type, Json);

        Assert.Equal(Json, KubernetesJson.Serialize(read));
    }

    [Fact]
    public async Task Unknown_root_fields_of_a_kind_that_preserves_them_round_trip()
    {
        var crd = InlineCrd.Widget(Spec).Replace("required: []\n", "required: []\n        x-kubernetes-preserve-unknown-fields: true\n", StringComparison.Ordinal);
        Assert.Contains("        x-kubernetes-preserve-unknown-fields: true\n        properties:", crd, StringComparison.Ordinal);
        var generated = await CrdGeneration.RunAsync([new CrdInput(InlineCrd.Path, crd)]);
        Assert.Empty(CrdGeneration.Problems(generated.Compilation));
        var type = CrdGeneration.Load(generated.Compilation).GetType("Consumer.ExampleCom.Widget")!;
        const string Json = """{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":1},"data":{"k":"v"}}""";

        Assert.Equal(Json, KubernetesJson.Serialize(Deserialize(type, Json)));
    }

    [Fact]
    public async Task An_integer_int_or_string_stays_a_number()
    {
        var generated = await CrdGeneration.RunAsync(
            [new CrdInput(InlineCrd.Path, InlineCrd.Widget(Spec))],
            User.Replace("Port = \"http\"", "Port = 8080", StringComparison.Ordinal));
        var widget = CrdGeneration.Load(generated.Compilation).GetType("Consumer.Make")!.GetMethod("Widget")!.Invoke(null, null)!;

        Assert.Contains("\"port\":8080", KubernetesJson.Serialize(widget), StringComparison.Ordinal);
    }

    /// <summary>KubernetesJson.Deserialize&lt;T&gt;(json) for a type known at run time only.</summary>
    private static object Deserialize(Type type, string json) =>
        typeof(KubernetesJson).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == nameof(KubernetesJson.Deserialize) && m.GetParameters() is [{ ParameterType: var p }, _] && p == typeof(string))
            .MakeGenericMethod(type)
            .Invoke(null, [json, null])!;
}
