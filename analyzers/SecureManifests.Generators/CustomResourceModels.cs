namespace SecureManifests.Generators;

/// <summary>
/// One CRD file as the pipeline carries it: its path, its text and the options that shape its C#, all strings, so an
/// unchanged file compares equal across runs and nothing after it runs again.
/// </summary>
/// <param name="Path">The file's path as the compiler was given it (diagnostics point there).</param>
/// <param name="HintPrefix">The file's path relative to the project, made a hint-name prefix (unique per file, machine-independent).</param>
/// <param name="Text">The file's content.</param>
/// <param name="Namespace">The Namespace item metadata, or null for the default.</param>
/// <param name="RootNamespace">The project's RootNamespace, the default's prefix.</param>
internal sealed record CustomResourceFile(string Path, string HintPrefix, string Text, string? Namespace, string? RootNamespace);

/// <summary>What one CRD file generates: sources and problems, as plain values (a problem's location is made at output).</summary>
internal sealed record CustomResourceOutput(
    string Path, EquatableArray<CustomResourceOutputSource> Sources, EquatableArray<CustomResourceOutputProblem> Problems, EquatableArray<CustomResourceKind> Kinds);

/// <summary>A kind a file generates, under its C# name, and where its CRD starts (for SM0115).</summary>
internal sealed record CustomResourceKind(string Path, string TypeName, CustomResourceOutputProblem At);

/// <summary>One generated source: its hint name and text.</summary>
internal sealed record CustomResourceOutputSource(string HintName, string Text);

/// <summary>A problem of a CRD file: the diagnostic ID, its message, and where (character offset, length, 0-based line and column).</summary>
internal sealed record CustomResourceOutputProblem(string Id, string Message, int Start, int Length, int Line, int Column);
