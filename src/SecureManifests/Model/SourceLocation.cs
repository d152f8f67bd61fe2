namespace SecureManifests.Model;

/// <summary>
/// Where in the user's C# an SDK call was made (<c>[CallerFilePath]</c>, <c>[CallerLineNumber]</c>): build findings
/// point there instead of at the app class. The path is as the compiler wrote it (<c>/_/...</c> in CI builds, whose
/// path map keeps assemblies machine-independent); the build step resolves it against the project.
/// </summary>
internal sealed record SourceLocation(string File, int Line)
{
    /// <summary>The location, or null when the caller passed none (a call from code compiled without caller info).</summary>
    public static SourceLocation? Of(string file, int line) => string.IsNullOrEmpty(file) || line <= 0 ? null : new SourceLocation(file, line);
}
