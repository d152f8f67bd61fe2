#nullable enable
using System.Collections.Generic;

namespace SecureManifests.Rules.Semantics;

/// <summary>Value sets whose members each joined at a PSS minor version.</summary>
internal static class VersionedSets
{
    /// <summary>The members present at <c>v1.<paramref name="minor"/></c>, sorted.</summary>
    public static IReadOnlyList<string> At(Dictionary<string, int> since, int minor)
    {
        var members = new List<string>();
        foreach (var pair in since)
        {
            if (minor >= pair.Value)
            {
                members.Add(pair.Key);
            }
        }

        return Sorted.Of(members);
    }
}
