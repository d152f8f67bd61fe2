using SecureManifests.CustomResources;

namespace SecureManifests.Generators.Tests.CustomResources;

public sealed class SchemaJsonTests
{
    [Fact]
    public void Writes_validation_keywords_in_a_fixed_order_without_descriptions()
    {
        var schema = PodTemplateSchemasTests.Schema("""
            description: dropped
            type: object
            required: [port]
            properties:
              port: {maximum: 65535, minimum: 1, type: integer, format: int32, description: dropped too}
              mode: {type: string, enum: [a, "1"], pattern: '^[a-z]"\$', maxLength: 3, nullable: true}
              level: {type: integer, enum: [1, 2]}
              labels: {type: object, additionalProperties: {type: string}}
              any: {type: object, additionalProperties: true, x-kubernetes-preserve-unknown-fields: true}
              size: {x-kubernetes-int-or-string: true, exclusiveMinimum: true, minimum: 0.5}
              tags: {type: array, items: {type: string}, minItems: 1, maxItems: 2}
              object: {type: object, x-kubernetes-embedded-resource: true}
            """);

        Assert.Equal(
            """{"type":"object","properties":{"port":{"type":"integer","format":"int32","minimum":1,"maximum":65535},"mode":{"type":"string","enum":["a","1"],"pattern":"^[a-z]\"\\$","maxLength":3,"nullable":true},"level":{"type":"integer","enum":[1,2]},"labels":{"type":"object","additionalProperties":{"type":"string"}},"any":{"type":"object","additionalProperties":true,"x-kubernetes-preserve-unknown-fields":true},"size":{"minimum":0.5,"exclusiveMinimum":true,"x-kubernetes-int-or-string":true},"tags":{"type":"array","items":{"type":"string"},"minItems":1,"maxItems":2},"object":{"type":"object","x-kubernetes-embedded-resource":true}},"required":["port"]}""",
            SchemaJson.Write(schema));
    }

    [Fact]
    public void Control_characters_and_line_separators_read_back_unchanged()
    {
        var schema = PodTemplateSchemasTests.Schema("{type: string, pattern: \"a\\tb\\u0001\\u2028c\\\\d\\nx\", enum: [\"é\", \"'\"]}");

        var again = PodTemplateSchemasTests.Schema(SchemaJson.Write(schema));

        Assert.Equal("a\tb\u0001\u2028c\\d\nx", again.Pattern);
        Assert.Equal(["é", "'"], again.Enum);
    }

    [Fact]
    public void Reading_malformed_json_is_a_problem_not_an_exception()
    {
        var problems = new List<CustomResourceProblem>();

        Assert.Null(SchemaJson.Read("{\"type\":", problems));
        Assert.Equal(CustomResourceProblemIds.MalformedYaml, Assert.Single(problems).Id);
    }

    [CrdTheory]
    [MemberData(nameof(SharedCrds.Files), MemberType = typeof(SharedCrds))]
    public void Every_shared_crd_version_round_trips(string file)
    {
        foreach (var definition in CustomResourceDefinitionReader.Read(SharedCrds.Read(file), file).Definitions)
        {
            foreach (var version in definition.Versions)
            {
                var json = SchemaJson.Write(version.Schema);

                var problems = new List<CustomResourceProblem>();
                var again = SchemaJson.Write(SchemaJson.Read(json, problems)!);

                Assert.Empty(problems);

                Assert.Equal(json, again);
                Assert.DoesNotContain("\"description\":\"", json, StringComparison.Ordinal);
            }
        }
    }
}
