namespace SecureManifests.Output;

/// <summary>One rendered file of an output tree.</summary>
/// <param name="RelativePath">Path below the output folder, with forward slashes.</param>
/// <param name="Content">The full text: header, documents, LF line endings, final newline.</param>
public sealed record ManifestFile(string RelativePath, string Content);
