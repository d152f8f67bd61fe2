namespace SecureManifests.Generators;

/// <summary>Metadata names of the SDK types the generator and the analyzer look for.</summary>
internal static class WellKnownNames
{
    public const string ManifestAppAttribute = "SecureManifests.ManifestAppAttribute";
    public const string App = "SecureManifests.App";

    /// <summary>The SDK's assembly, which defines both.</summary>
    public const string SdkAssembly = "SecureManifests";
}
