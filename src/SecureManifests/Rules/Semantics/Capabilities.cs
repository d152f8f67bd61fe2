#nullable enable
using System;
using System.Collections.Generic;

namespace SecureManifests.Rules.Semantics;

/// <summary>Linux capabilities as the Pod Security Standards judge them (SM1005, SM1006).</summary>
internal static class Capabilities
{
    /// <summary>The capability a container drops to drop them all.</summary>
    public const string All = "ALL";

    /// <summary>The one capability Restricted lets a container add.</summary>
    public const string RestrictedAddable = "NET_BIND_SERVICE";

    private static readonly HashSet<string> BaselineAddableSet = new(StringComparer.Ordinal)
    {
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE",
        "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    };

    /// <summary>The capabilities Baseline lets a container add, sorted.</summary>
    public static IReadOnlyList<string> BaselineAddable { get; } = Sorted.Of(BaselineAddableSet);

    /// <summary>Whether Baseline allows adding <paramref name="capability"/>.</summary>
    public static bool IsBaselineAddable(string? capability) => capability is not null && BaselineAddableSet.Contains(capability);

    /// <summary>Whether Restricted allows adding <paramref name="capability"/>.</summary>
    public static bool IsRestrictedAddable(string? capability) => string.Equals(capability, RestrictedAddable, StringComparison.Ordinal);

    /// <summary>The added capabilities Baseline forbids (SM1005), in the order written; null entries show as <c>&lt;null&gt;</c>.</summary>
    public static List<string> ForbiddenByBaseline(IEnumerable<string?>? added) => Forbidden(added, IsBaselineAddable);

    /// <summary>The added capabilities Restricted forbids (SM1006), in the order written.</summary>
    public static List<string> ForbiddenByRestricted(IEnumerable<string?>? added) => Forbidden(added, IsRestrictedAddable);

    /// <summary>Whether <paramref name="dropped"/> drops <c>ALL</c> (SM1006); unset drops nothing.</summary>
    public static bool DropsAll(IEnumerable<string?>? dropped)
    {
        if (dropped is null)
        {
            return false;
        }

        foreach (var capability in dropped)
        {
            if (string.Equals(capability, All, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> Forbidden(IEnumerable<string?>? added, Func<string?, bool> allowed)
    {
        var forbidden = new List<string>();
        if (added is null)
        {
            return forbidden;
        }

        foreach (var capability in added)
        {
            if (!allowed(capability))
            {
                forbidden.Add(capability ?? "<null>");
            }
        }

        return forbidden;
    }
}
