namespace SecureManifests.CustomResources;

/// <summary>
/// Marks a type generated from a CustomResourceDefinition (by the SecureManifests source generator or
/// <c>secure-manifests import-crd</c>) and carries what the SDK needs of the CRD at run time: whether the kind is
/// namespaced, and the version's structural schema, so an object is checked against it when it joins an app and its
/// pod templates are found by the rules. The type also carries <c>[KubernetesEntity]</c> for group, version, kind and plural.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class CustomResourceAttribute : Attribute
{
    /// <param name="namespaced">Whether objects of the kind live in a namespace (the CRD's <c>spec.scope</c> is Namespaced).</param>
    /// <param name="schema">
    /// The version's <c>openAPIV3Schema</c> as compact JSON, with the keywords validation needs only (no descriptions),
    /// as written by the generator; read back by the same schema reader that reads CRD files.
    /// </param>
    public CustomResourceAttribute(bool namespaced, string schema)
    {
        Namespaced = namespaced;
        Schema = schema;
    }

    /// <summary>Whether objects of the kind live in a namespace.</summary>
    public bool Namespaced { get; }

    /// <summary>The structural schema of the version, as compact JSON.</summary>
    public string Schema { get; }
}
