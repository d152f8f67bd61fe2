#nullable enable
using System;
using System.Collections.Generic;

namespace SecureManifests.Rules.Semantics;

/// <summary>Value sets listed in messages and docs: always in ordinal order, so output is the same everywhere.</summary>
internal static class Sorted
{
    public static IReadOnlyList<string> Of(IEnumerable<string> values)
    {
        var list = new List<string>(values);
        list.Sort(StringComparer.Ordinal);
        return list.AsReadOnly();
    }
}
