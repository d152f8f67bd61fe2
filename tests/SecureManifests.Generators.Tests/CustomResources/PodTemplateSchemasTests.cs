using SecureManifests.CustomResources;

namespace SecureManifests.Generators.Tests.CustomResources;

public sealed class PodTemplateSchemasTests
{
    private const string PodSpec = "{type: object, required: [containers], properties: {containers: {type: array, items: {type: object, properties: {name: {type: string}, image: {type: string}}}}}}";

    [Fact]
    public void Finds_a_template_and_a_bare_pod_spec_by_their_paths()
    {
        var root = Schema("{type: object, properties: {spec: {type: object, properties: {template: {type: object, properties: {metadata: {type: object}, spec: " + PodSpec + "}}, worker: " + PodSpec + "}}}}");

        Assert.Equal([("spec.template", true), ("spec.worker", false)], PodTemplateSchemas.Find(root).Select(p => (p.Path, p.IsTemplate)));
    }

    [Fact]
    public void Containers_that_are_not_required_make_no_pod_spec()
    {
        var root = Schema("{type: object, properties: {spec: " + PodSpec.Replace("required: [containers], ", string.Empty, StringComparison.Ordinal) + "}}");

        Assert.Empty(PodTemplateSchemas.Find(root));
    }

    [Fact]
    public void A_template_without_metadata_is_found_as_its_pod_spec()
    {
        var root = Schema("{type: object, properties: {template: {type: object, properties: {spec: " + PodSpec + "}}}}");

        Assert.Equal([("template.spec", false)], PodTemplateSchemas.Find(root).Select(p => (p.Path, p.IsTemplate)));
    }

    [Fact]
    public void Pods_in_list_items_have_no_path_and_are_not_found()
    {
        var root = Schema("{type: object, properties: {jobs: {type: array, items: {type: object, properties: {template: {type: object, properties: {metadata: {type: object}, spec: " + PodSpec + "}}}}}}}");

        Assert.Empty(PodTemplateSchemas.Find(root));
        Assert.True(PodTemplateSchemas.IsPodTemplate(root.Property("jobs")!.Items!.Property("template")!));
    }

    [CrdFact]
    public void Finds_the_argo_rollout_template_and_nothing_in_prometheus()
    {
        var rollout = StorageSchema("argo-rollouts/rollout-crd.yaml");
        var prometheus = StorageSchema("prometheus-operator/monitoring.coreos.com_prometheuses.yaml");

        Assert.Equal([("spec.template", true)], PodTemplateSchemas.Find(rollout).Select(p => (p.Path, p.IsTemplate)));
        Assert.Empty(PodTemplateSchemas.Find(prometheus));
    }

    private static StructuralSchema StorageSchema(string file) =>
        Assert.Single(CustomResourceDefinitionReader.Read(SharedCrds.Read(file), file).Definitions).StorageVersion.Schema;

    /// <summary>A schema written as YAML (or JSON, which is YAML), read as the SDK reads a generated type's.</summary>
    internal static StructuralSchema Schema(string yaml)
    {
        var problems = new List<CustomResourceProblem>();
        var schema = SchemaJson.Read(yaml, problems);
        Assert.Empty(problems);
        return Assert.IsType<StructuralSchema>(schema);
    }
}
