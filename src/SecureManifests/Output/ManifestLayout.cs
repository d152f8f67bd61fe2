namespace SecureManifests.Output;

/// <summary>How objects are spread over files. Every layout also writes <c>kustomization.yaml</c>.</summary>
public enum ManifestLayout
{
    /// <summary><c>&lt;namespace&gt;/&lt;kind&gt;-&lt;name&gt;.yaml</c>; cluster-scoped objects under <c>_cluster/</c>.</summary>
    FilePerObject = 0,

    /// <summary><c>&lt;namespace&gt;.yaml</c> (its Namespace object first) and <c>_cluster.yaml</c>.</summary>
    FilePerNamespace,

    /// <summary>Everything in one file, <see cref="ManifestTreeOptions.SingleFileName"/>.</summary>
    SingleFile,
}
