namespace SecureManifests.Output;

/// <summary>Settings of one rendered output tree.</summary>
internal sealed class ManifestTreeOptions
{
    /// <summary>How objects are spread over files. Default: <see cref="ManifestLayout.FilePerObject"/>.</summary>
    public ManifestLayout Layout { get; init; } = ManifestLayout.FilePerObject;

    /// <summary>The C# type that generated the objects; named in every file's header comment.</summary>
    public required string GeneratorName { get; init; }

    /// <summary>The file name for <see cref="ManifestLayout.SingleFile"/>. Default: <c>manifests.yaml</c>.</summary>
    public string SingleFileName { get; init; } = "manifests.yaml";
}
