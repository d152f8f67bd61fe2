namespace SecureManifests.Generators;

/// <summary>Metadata names of the SDK types the generator and the analyzer look for.</summary>
internal static class WellKnownNames
{
    public const string ManifestAppAttribute = "SecureManifests.ManifestAppAttribute";
    public const string App = "SecureManifests.App";
}
