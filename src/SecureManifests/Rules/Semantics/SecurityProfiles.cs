#nullable enable
using System;

namespace SecureManifests.Rules.Semantics;

/// <summary>Seccomp, AppArmor and procMount values as the Pod Security Standards judge them (SM1010-SM1012, SM1014).</summary>
internal static class SecurityProfiles
{
    public const string RuntimeDefault = "RuntimeDefault";
    public const string Localhost = "Localhost";
    public const string Unconfined = "Unconfined";

    /// <summary>The only <c>procMount</c> Restricted allows.</summary>
    public const string DefaultProcMount = "Default";

    /// <summary>Legacy pod-level seccomp annotation.</summary>
    public const string SeccompPodAnnotation = "seccomp.security.alpha.kubernetes.io/pod";

    /// <summary>Prefix of the legacy per-container seccomp annotations.</summary>
    public const string SeccompContainerAnnotationPrefix = "container.seccomp.security.alpha.kubernetes.io/";

    /// <summary>Prefix of the legacy per-container AppArmor annotations.</summary>
    public const string AppArmorContainerAnnotationPrefix = "container.apparmor.security.beta.kubernetes.io/";

    /// <summary>A seccomp or AppArmor profile type of <c>Unconfined</c> (SM1010, SM1012).</summary>
    public static bool IsUnconfined(string? type) => string.Equals(type, Unconfined, StringComparison.Ordinal);

    /// <summary>A seccomp type that confines the container: <c>RuntimeDefault</c> or <c>Localhost</c> (SM1011).</summary>
    public static bool IsConfiningSeccomp(string? type) =>
        string.Equals(type, RuntimeDefault, StringComparison.Ordinal) || string.Equals(type, Localhost, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="key"/> is a legacy seccomp annotation (pod or container).</summary>
    public static bool IsSeccompAnnotation(string key) =>
        string.Equals(key, SeccompPodAnnotation, StringComparison.Ordinal) || key.StartsWith(SeccompContainerAnnotationPrefix, StringComparison.Ordinal);

    /// <summary>A legacy seccomp annotation value that turns seccomp off (SM1010).</summary>
    public static bool IsUnconfinedSeccompAnnotation(string? value) => string.Equals(value, "unconfined", StringComparison.Ordinal);

    /// <summary>A legacy AppArmor annotation value Baseline allows: <c>runtime/default</c> or <c>localhost/*</c> (SM1012).</summary>
    public static bool IsAllowedAppArmorAnnotation(string? value) =>
        value is not null && (string.Equals(value, "runtime/default", StringComparison.Ordinal) || value.StartsWith("localhost/", StringComparison.Ordinal));

    /// <summary>A <c>procMount</c> other than <c>Default</c> (SM1014); unset is the default.</summary>
    public static bool IsUnmaskedProcMount(string? procMount) =>
        procMount is not null && !string.Equals(procMount, DefaultProcMount, StringComparison.Ordinal);
}
