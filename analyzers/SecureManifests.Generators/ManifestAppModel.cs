namespace SecureManifests.Generators;

/// <summary>
/// One [ManifestApp] class as the pipeline carries it: only strings and numbers, never a symbol or a syntax node,
/// so an unchanged class compares equal across edits and the generator's later steps stay cached.
/// </summary>
/// <param name="FullyQualifiedName">The type as C# names it from anywhere, e.g. <c>global::Shop.ShopApp</c>.</param>
/// <param name="DisplayName">The full name without <c>global::</c>, e.g. <c>Shop.ShopApp</c>.</param>
/// <param name="FilePath">The C# file that declares the class.</param>
/// <param name="Line">The 1-based line of the class name.</param>
/// <param name="Column">The 1-based column of the class name.</param>
internal sealed record ManifestAppModel(string FullyQualifiedName, string DisplayName, string FilePath, int Line, int Column);
