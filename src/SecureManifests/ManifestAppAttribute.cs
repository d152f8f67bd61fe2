namespace SecureManifests;

/// <summary>
/// Marks an <see cref="App"/> subclass for the build step: <c>dotnet build</c> synthesizes every marked app of the
/// project into <c>$(SecureManifestsOutputPath)</c>. The class must be public, concrete and have a public
/// parameterless constructor; the SecureManifests analyzers report SM0101-SM0105 when it is not.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ManifestAppAttribute : Attribute;
