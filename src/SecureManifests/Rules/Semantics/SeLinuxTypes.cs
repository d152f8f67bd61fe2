#nullable enable
using System;
using System.Collections.Generic;

namespace SecureManifests.Rules.Semantics;

/// <summary>The SELinux types Baseline allows, with the minor version that allowed each (SM1013).</summary>
internal static class SeLinuxTypes
{
    private static readonly Dictionary<string, int> AllowedSince = new(StringComparer.Ordinal)
    {
        ["container_t"] = 0,
        ["container_init_t"] = 0,
        ["container_kvm_t"] = 0,
        ["container_engine_t"] = 31,
    };

    /// <summary>Whether <paramref name="type"/> is allowed at <c>v1.<paramref name="minor"/></c>; unset or empty is allowed.</summary>
    public static bool IsAllowed(string? type, int minor) =>
        string.IsNullOrEmpty(type) || (AllowedSince.TryGetValue(type!, out var since) && minor >= since);

    /// <summary>The allowed types at <c>v1.<paramref name="minor"/></c>, sorted.</summary>
    public static IReadOnlyList<string> AllowedAt(int minor) => VersionedSets.At(AllowedSince, minor);

    /// <summary>Whether an SELinux <c>user</c> or <c>role</c> is set: Baseline forbids both.</summary>
    public static bool IsCustomUserOrRole(string? value) => !string.IsNullOrEmpty(value);
}
