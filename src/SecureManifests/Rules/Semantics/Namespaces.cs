#nullable enable
using System;
using System.Collections.Generic;

namespace SecureManifests.Rules.Semantics;

/// <summary>Namespaces and their Pod Security labels (SM4001, SM4007).</summary>
internal static class Namespaces
{
    /// <summary>The namespace objects land in when they name none, and that SM4001 forbids.</summary>
    public const string Default = "default";

    /// <summary>The label the API server sets on every namespace to its name; namespace selectors match on it.</summary>
    public const string NameLabel = "kubernetes.io/metadata.name";

    public const string PodSecurityEnforceLabel = "pod-security.kubernetes.io/enforce";
    public const string PodSecurityEnforceVersionLabel = "pod-security.kubernetes.io/enforce-version";
    public const string PodSecurityAuditLabel = "pod-security.kubernetes.io/audit";
    public const string PodSecurityWarnLabel = "pod-security.kubernetes.io/warn";

    private static readonly HashSet<string> EnforcingLevels = new(StringComparer.Ordinal) { "baseline", "restricted" };

    public static bool IsDefault(string? name) => string.Equals(name, Default, StringComparison.Ordinal);

    /// <summary>The <c>enforce</c> levels that make Pod Security Admission reject pods, sorted.</summary>
    public static IReadOnlyList<string> EnforcingLevelList { get; } = Sorted.Of(EnforcingLevels);

    /// <summary>Whether an <c>enforce</c> label value makes Pod Security Admission reject pods (SM4007).</summary>
    public static bool IsEnforcingLevel(string? level) => level is not null && EnforcingLevels.Contains(level);
}
