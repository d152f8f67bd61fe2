using System.Collections.Frozen;

namespace SecureManifests.Output;

/// <summary>Which ordering rule a mapping follows; decided by where the mapping sits.</summary>
internal enum MappingRole
{
    /// <summary>The object itself: apiVersion, kind, metadata, spec, then the rest.</summary>
    Root,

    /// <summary>Any <c>metadata</c> mapping (the object's and pod templates'): name, namespace, labels, annotations.</summary>
    Metadata,

    /// <summary>A structured mapping (container, port, volume ...): <c>name</c> first.</summary>
    Structured,

    /// <summary>A user-keyed map (labels, data ...): the keys are data, so plain ordinal order.</summary>
    FreeForm,
}

/// <summary>The key order of every mapping the writer emits.</summary>
internal static class MappingKeyOrder
{
    // Maps whose keys are user data rather than field names. A label called "name" must not jump
    // ahead of "app": these keep pure ordinal order, like kubectl's output.
    private static readonly FrozenSet<string> FreeFormKeys = new[]
    {
        "labels", "annotations", "matchLabels", "nodeSelector", "data", "stringData", "binaryData",
        "limits", "requests", "selector", "hard", "capacity", "allocatable", "parameters",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The role of a mapping found under <paramref name="key"/>.</summary>
    public static MappingRole RoleOfChild(string key) =>
        key == "metadata" ? MappingRole.Metadata
        : FreeFormKeys.Contains(key) ? MappingRole.FreeForm
        : MappingRole.Structured;

    /// <summary>
    /// Sorts the first <paramref name="count"/> keys in place, fixed leading keys by rank, then ordinal, and moves
    /// each value along with its key.
    /// </summary>
    public static void Sort<TValue>(string[] keys, TValue[] values, int count, MappingRole role)
    {
        if (count < 2)
        {
            return;
        }

        IComparer<string> comparer = role switch
        {
            MappingRole.Root => RootComparer,
            MappingRole.Metadata => MetadataComparer,
            MappingRole.Structured => StructuredComparer,
            _ => StringComparer.Ordinal,
        };
        Array.Sort(keys, values, 0, count, comparer);
    }

    private static readonly Comparer<string> RootComparer =
        Ranked(static k => k switch { "apiVersion" => 0, "kind" => 1, "metadata" => 2, "spec" => 3, _ => 4 });

    private static readonly Comparer<string> MetadataComparer =
        Ranked(static k => k switch { "name" => 0, "namespace" => 1, "labels" => 2, "annotations" => 3, _ => 4 });

    private static readonly Comparer<string> StructuredComparer =
        Ranked(static k => k == "name" ? 0 : 1);

    private static Comparer<string> Ranked(Func<string, int> rank) =>
        Comparer<string>.Create((a, b) =>
        {
            var byRank = rank(a).CompareTo(rank(b));
            return byRank != 0 ? byRank : string.CompareOrdinal(a, b);
        });
}
