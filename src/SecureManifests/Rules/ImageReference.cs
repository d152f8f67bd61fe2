namespace SecureManifests.Rules;

/// <summary>
/// The parts of a container image reference that the image rules need, split leniently so lint can judge any string.
/// The SDK's strict <see cref="Validation.ImageReference"/> asks this type whether an image is mutable, so both agree.
/// </summary>
internal readonly struct ImageReference
{
    private ImageReference(string? tag, bool hasDigest)
    {
        Tag = tag;
        HasDigest = hasDigest;
    }

    /// <summary>The tag, or null when the reference has none.</summary>
    public string? Tag { get; }

    /// <summary>Whether the reference carries an <c>@sha256:</c> digest.</summary>
    public bool HasDigest { get; }

    /// <summary>SM2001: no digest, and no tag or the tag <c>latest</c>.</summary>
    public bool IsMutable => !HasDigest && (Tag is null || string.Equals(Tag, "latest", StringComparison.Ordinal));

    /// <summary>Splits <paramref name="image"/> into tag and digest; a port in the registry host is not a tag.</summary>
    public static ImageReference Parse(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var at = image.IndexOf('@', StringComparison.Ordinal);
        var hasDigest = at >= 0 && image.AsSpan(at + 1).StartsWith("sha256:", StringComparison.Ordinal);
        var name = at >= 0 ? image.AsSpan(0, at) : image.AsSpan();
        var lastSlash = name.LastIndexOf('/');
        var lastColon = name.LastIndexOf(':');
        var tag = lastColon > lastSlash ? name[(lastColon + 1)..].ToString() : null;
        return new ImageReference(string.IsNullOrEmpty(tag) ? null : tag, hasDigest);
    }
}
