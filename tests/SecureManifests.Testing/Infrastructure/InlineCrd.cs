namespace SecureManifests.Tests.Infrastructure;

/// <summary>
/// Small CRDs written in tests (generator, reader, packaging): a namespaced kind of example.com, version v1 (storage),
/// with the given spec schema (flow YAML), root required list and more versions. Line 12 is the v1 entry, line 20 its spec.
/// </summary>
public static class InlineCrd
{
    public const string Path = "/project/crds/widgets.yaml";

    /// <param name="spec">The schema of <c>spec</c>, as YAML at the indentation of a flow value (e.g. <c>{type: object, ...}</c>).</param>
    /// <param name="extraVersions">More version entries, written as YAML list items at the versions' indentation.</param>
    public static string Widget(string spec, string kind = "Widget", string rootRequired = "[]", string extraVersions = "") => """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          names:
            kind: KIND
            plural: widgets
          scope: Namespaced
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                required: ROOT_REQUIRED
                properties:
                  spec: SPEC_SCHEMA
                  status: {type: object, properties: {phase: {type: string}}}
        EXTRA_VERSIONS
        """.Replace("KIND", kind, StringComparison.Ordinal).Replace("ROOT_REQUIRED", rootRequired, StringComparison.Ordinal)
        .Replace("SPEC_SCHEMA", spec, StringComparison.Ordinal).Replace("EXTRA_VERSIONS", extraVersions, StringComparison.Ordinal);
}
