#nullable enable
namespace SecureManifests.Rules.Semantics;

/// <summary>The Pod Security Standards versions the value sets know (<c>v1.0</c> to <c>v1.37</c>).</summary>
internal static class PodSecurityVersions
{
    /// <summary>The newest minor version: the default, and what the analyzers judge by.</summary>
    public const int LatestMinor = 37;
}
