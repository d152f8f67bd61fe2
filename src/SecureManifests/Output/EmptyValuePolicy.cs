using System.Collections.Frozen;

namespace SecureManifests.Output;

/// <summary>
/// Which empty mappings survive pruning. Empty mappings and sequences are noise almost everywhere,
/// because the API server treats them like absent fields (Go's <c>omitempty</c>). The exceptions below
/// are pointer fields where <c>{}</c> and "absent" mean different things:
/// <list type="bullet">
/// <item><c>emptyDir: {}</c> - the volume source itself; without it the volume has no source.</item>
/// <item><c>podSelector: {}</c> - NetworkPolicy: selects every pod of the namespace (required field).</item>
/// <item><c>namespaceSelector: {}</c> - every namespace; absent means only the policy's own namespace.</item>
/// <item><c>selector: {}</c> - e.g. PodDisruptionBudget: every pod; absent selects none.</item>
/// <item><c>labelSelector: {}</c> - pod affinity terms and topology spread: every pod; absent matches none.</item>
/// </list>
/// Independently, items of a sequence are never dropped: NetworkPolicy <c>ingress: [{}]</c> is the rule
/// "allow from everywhere", and dropping it would turn allow-all into deny-all.
/// </summary>
internal static class EmptyValuePolicy
{
    private static readonly FrozenSet<string> KeysWhereEmptyMappingMatters = new[]
    {
        "emptyDir", "podSelector", "namespaceSelector", "selector", "labelSelector",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when an empty mapping under <paramref name="key"/> must still be written as <c>{}</c>.</summary>
    public static bool KeepsEmptyMapping(string key) => KeysWhereEmptyMappingMatters.Contains(key);
}
