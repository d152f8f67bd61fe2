#nullable enable
namespace SecureManifests.Rules.Semantics;

/// <summary>The Kubernetes recommended labels (<c>app.kubernetes.io/*</c>): SM2017 requires <see cref="Name"/>, the SDK writes them all.</summary>
internal static class RecommendedLabels
{
    public const string Name = "app.kubernetes.io/name";
    public const string Instance = "app.kubernetes.io/instance";
    public const string Component = "app.kubernetes.io/component";
    public const string PartOf = "app.kubernetes.io/part-of";
    public const string ManagedBy = "app.kubernetes.io/managed-by";
}
