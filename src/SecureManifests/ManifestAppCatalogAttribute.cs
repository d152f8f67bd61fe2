namespace SecureManifests;

/// <summary>
/// Names the generated catalog of <see cref="ManifestAppAttribute"/> apps in an assembly, so the build step's host
/// finds it with one attribute lookup instead of scanning every type. Emitted by the SecureManifests source
/// generator; not meant to be written by hand.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class ManifestAppCatalogAttribute : Attribute
{
    /// <summary>Creates the marker for <paramref name="catalogType"/>.</summary>
    public ManifestAppCatalogAttribute(Type catalogType)
    {
        CatalogType = catalogType;
    }

    /// <summary>
    /// The generated static class. It has a public static <c>Apps</c> property returning
    /// <see cref="ManifestAppEntry"/> values, one per app, in source order.
    /// </summary>
    public Type CatalogType { get; }
}
