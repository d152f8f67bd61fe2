namespace SecureManifests.Cli.Input;

/// <summary>
/// Bounds that keep <see cref="ManifestReader"/> safe on hostile input (alias bombs, deep nesting,
/// huge documents). Every limit applies per YAML document, so a large file of ordinary documents
/// streams with memory proportional to its largest document.
/// </summary>
internal sealed record ReaderLimits
{
    /// <summary>The defaults: generous for real manifests (large CRDs, Helm output), far below what hurts.</summary>
    public static ReaderLimits Default { get; } = new();

    /// <summary>
    /// Maximum size of one document in characters, both as written and after alias expansion.
    /// 8 Mi characters is over twice the 3 MiB the Kubernetes API server accepts in one request.
    /// </summary>
    public int MaxDocumentChars { get; init; } = 8 * 1024 * 1024;

    /// <summary>
    /// Maximum nesting depth of mappings and sequences. Real manifests stay below 30; deep CRD schemas
    /// below 70. Capped at 512 because deserialization into typed models recurses per level.
    /// </summary>
    public int MaxNestingDepth { get; init; } = 128;

    /// <summary>
    /// Maximum number of nodes (scalars, mappings, sequences) in one document, counting every alias as
    /// the full size of the node it repeats. This is what stops "billion laughs" alias bombs.
    /// </summary>
    public int MaxNodesPerDocument { get; init; } = 250_000;

    /// <summary>Maximum length of one scalar in characters. A ConfigMap can hold at most 1 MiB in total.</summary>
    public int MaxScalarChars { get; init; } = 1024 * 1024;

    /// <summary>Throws when a limit is outside the range the reader can honour safely.</summary>
    internal void Validate()
    {
        Require(MaxDocumentChars, 1, int.MaxValue / 2, nameof(MaxDocumentChars));
        Require(MaxNestingDepth, 1, 512, nameof(MaxNestingDepth));
        Require(MaxNodesPerDocument, 1, int.MaxValue / 2, nameof(MaxNodesPerDocument));
        Require(MaxScalarChars, 1, int.MaxValue / 2, nameof(MaxScalarChars));
    }

    private static void Require(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max}.");
        }
    }
}
