using System.Text.Json;
using SecureManifests.CustomResources;
using SecureManifests.Schemas;
using SecureManifests.Tests.Infrastructure;

namespace SecureManifests.Tests.Rules;

/// <summary>Each keyword the definition-time schema check applies, firing on a value that breaks it and silent on one that keeps it.</summary>
public class StructuralSchemaValidatorTests
{
    public static TheoryData<string, string, string?> Cases() => new()
    {
        // schema, value, expected "field: problem" (null: valid)
        { "{type: object, required: [name]}", """{"name": "a"}""", null },
        { "{type: object, required: [name]}", """{}""", "name: required by the CRD schema, but not set" },
        { "{type: object, required: [name]}", """{"name": null}""", "name: required by the CRD schema, but not set" },
        { "{type: string, enum: [Issuer, ClusterIssuer]}", "\"Issuer\"", null },
        { "{type: string, enum: [Issuer, ClusterIssuer]}", "\"issuer\"", ": 'issuer' is not one of the values the CRD schema allows: Issuer, ClusterIssuer" },
        { "{type: integer, enum: [1, 2]}", "2", null },
        { "{type: integer, enum: [1, 2]}", "3", ": '3' is not one of the values the CRD schema allows: 1, 2" },
        { "{type: boolean, enum: [true]}", "false", ": 'false' is not one of the values the CRD schema allows: true" },
        { "{type: string, pattern: '^[a-z]+$'}", "\"abc\"", null },
        { "{type: string, pattern: '^[a-z]+$'}", "\"aBc\"", ": 'aBc' does not match the CRD schema's pattern ^[a-z]+$" },
        { "{type: string, pattern: '(?<!unreadable'}", "\"x\"", null },
        { "{type: integer, minimum: 1}", "1", null },
        { "{type: integer, minimum: 1}", "0", ": 0 is below the CRD schema's minimum 1" },
        { "{type: integer, minimum: 1, exclusiveMinimum: true}", "2", null },
        { "{type: integer, minimum: 1, exclusiveMinimum: true}", "1", ": 1 is not above the CRD schema's minimum 1" },
        { "{type: number, maximum: 2.5}", "2.5", null },
        { "{type: number, maximum: 2.5}", "2.75", ": 2.75 is above the CRD schema's maximum 2.5" },
        { "{type: number, maximum: 2.5, exclusiveMaximum: true}", "2.4", null },
        { "{type: number, maximum: 2.5, exclusiveMaximum: true}", "2.5", ": 2.5 is not below the CRD schema's maximum 2.5" },
        { "{type: string, minLength: 2}", "\"ab\"", null },
        { "{type: string, minLength: 2}", "\"a\"", ": 'a' is 1 characters long; the CRD schema requires at least 2" },
        { "{type: string, maxLength: 2}", "\"\U0001F600\U0001F600\"", null },
        { "{type: string, maxLength: 2}", "\"abc\"", ": 'abc' is 3 characters long; the CRD schema allows at most 2" },
        { "{type: array, minItems: 1}", "[1]", null },
        { "{type: array, minItems: 1}", "[]", ": 0 items; the CRD schema requires at least 1" },
        { "{type: array, maxItems: 1}", "[1]", null },
        { "{type: array, maxItems: 1}", "[1, 2]", ": 2 items; the CRD schema allows at most 1" },
        // Nested: properties, list items and map values are reached, and named by path.
        { "{type: object, properties: {spec: {type: object, properties: {ports: {type: array, items: {type: integer, maximum: 65535}}}}}}", """{"spec": {"ports": [80, 70000]}}""", "spec.ports[1]: 70000 is above the CRD schema's maximum 65535" },
        { "{type: object, properties: {labels: {type: object, additionalProperties: {type: string, maxLength: 3}}}}", """{"labels": {"ok": "abc", "team": "payments"}}""", "labels[team]: 'payments' is 8 characters long; the CRD schema allows at most 3" },
        // The first problem in the schema's order is the one reported, whatever the object's order.
        { "{type: object, properties: {a: {type: integer, minimum: 1}, b: {type: integer, minimum: 1}}}", """{"b": 0, "a": 0}""", "a: 0 is below the CRD schema's minimum 1" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_keyword_fires_on_a_value_that_breaks_it_and_not_on_one_that_keeps_it(string schema, string json, string? expected)
    {
        using var value = JsonDocument.Parse(json);

        var problem = StructuralSchemaValidator.FirstProblem(Read(schema), value.RootElement);

        Assert.Equal(expected, problem is { } p ? p.Field + ": " + p.Problem : null);
    }

    /// <summary>A schema written as YAML (or JSON, which is YAML), read as the SDK reads a generated type's.</summary>
    internal static StructuralSchema Read(string yaml)
    {
        var problems = new List<CustomResourceProblem>();
        var schema = SchemaJson.Read(yaml, problems);
        Assert.Empty(problems);
        return Assert.IsType<StructuralSchema>(schema);
    }
}

/// <summary>
/// The check on the shared CRDs' real schemas, as a generated type carries them (SchemaJson's compact JSON, read back):
/// the objects the npm referees judge valid pass, and a value the CRD refuses fails.
/// </summary>
public class StructuralSchemaValidatorCrdTests
{
    public static TheoryData<string, string> Objects() => new()
    {
        { "cert-manager/cert-manager.io_certificates.yaml", "Certificate" },
        { "gateway-api/gateway.networking.k8s.io_httproutes.yaml", "HTTPRoute" },
        { "prometheus-operator/monitoring.coreos.com_servicemonitors.yaml", "ServiceMonitor" },
        { "argo-rollouts/rollout-crd.yaml", "Rollout" },
    };

    [CrdTheory]
    [MemberData(nameof(Objects))]
    public void An_object_the_referees_judge_valid_passes_its_CRDs_schema(string crd, string kind)
    {
        var schema = StorageSchema(crd);

        Assert.Null(StructuralSchemaValidator.FirstProblem(schema, Sample(kind)));
    }

    [CrdFact]
    public void Values_the_CRDs_refuse_fail_naming_the_field()
    {
        var route = Sample("HTTPRoute").GetRawText().Replace("\"shop.example.com\"", "\"Shop.Example.com\"", StringComparison.Ordinal);
        using var routeJson = JsonDocument.Parse(route);
        using var certificateJson = JsonDocument.Parse(Sample("Certificate").GetRawText().Replace("\"issuerRef\":{\"name\":\"letsencrypt\",\"kind\":\"ClusterIssuer\"}", "\"issuerRef\":{\"kind\":\"ClusterIssuer\"}", StringComparison.Ordinal));

        var hostname = StructuralSchemaValidator.FirstProblem(StorageSchema("gateway-api/gateway.networking.k8s.io_httproutes.yaml"), routeJson.RootElement);
        var issuer = StructuralSchemaValidator.FirstProblem(StorageSchema("cert-manager/cert-manager.io_certificates.yaml"), certificateJson.RootElement);

        Assert.Equal("spec.hostnames[0]", hostname?.Field);
        Assert.StartsWith("'Shop.Example.com' does not match the CRD schema's pattern", hostname?.Problem, StringComparison.Ordinal);
        Assert.Equal(("spec.issuerRef.name", "required by the CRD schema, but not set"), issuer);
    }

    private static JsonElement Sample(string kind)
    {
        var document = Output.YamlReader.ReadDocuments(Referees.RefereeSamples.CustomResources).Single(d => (string?)d["kind"] == kind);
        return JsonDocument.Parse(document.ToJsonString()).RootElement;
    }

    /// <summary>The storage version's schema, written as the generator writes it into [CustomResource] and read back.</summary>
    private static StructuralSchema StorageSchema(string file)
    {
        var path = Path.Combine(TestPaths.SharedCrds, file);
        var definition = Assert.Single(CustomResourceDefinitionReader.Read(File.ReadAllText(path), path).Definitions);
        return StructuralSchemaValidatorTests.Read(SchemaJson.Write(definition.StorageVersion.Schema));
    }
}
