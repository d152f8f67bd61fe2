using k8s.Models;

namespace SecureManifests.Output;

/// <summary>
/// A <see cref="ResourceQuantity"/> that is written exactly as given. KubernetesClient's quantity
/// keeps only the parsed value and a suffix format, and writes the canonical form
/// (<c>0.5</c> becomes <c>500m</c>, <c>1024Mi</c> becomes <c>1Gi</c>, <c>2000m</c> becomes <c>2</c>).
/// The value is identical to the API server, but a manifest that does not read as the C# source is
/// confusing in review, so builders that want the user's spelling create this type instead. It is
/// still validated by the base parser, compares equal by value, and goes through the library's own
/// JSON converter, which writes <see cref="ToString"/>.
/// </summary>
internal sealed class VerbatimQuantity : ResourceQuantity
{
    private readonly string text;

    /// <summary>Parses and keeps <paramref name="value"/> as written.</summary>
    /// <exception cref="FormatException">The value is not a Kubernetes quantity.</exception>
    public VerbatimQuantity(string value)
        : base(value)
    {
        text = value;
    }

    /// <summary>The quantity as it was written.</summary>
    public override string ToString() => text;
}
