#nullable enable
using System;

namespace SecureManifests.Rules.Semantics;

/// <summary>
/// How SM2005 and SM2016 decide that a name or value holds a secret. Plain string tests rather than
/// regular expressions: these run on every env var and ConfigMap key. Which names look secret can be
/// replaced with a <see cref="SecretNamePattern"/> (the analyzers' <c>secure_manifests.secret_name_pattern</c>).
/// </summary>
internal static class SecretHeuristics
{
    private static readonly string[] FileReferenceSuffixes = { "_FILE", "_PATH", "_DIR" };

    private static readonly char[] Blanks = { ' ', '\n' };

    private static readonly string[] TokenPrefixes =
    {
        "ghp_", "gho_", "ghs_", "github_pat_", "glpat-", "xoxb-", "xoxp-", "xoxa-", "sk_live_", "rk_live_", "AKIA", "ASIA",
    };

    /// <summary>SM2005: an env var whose name looks secret holds a literal value rather than a file reference.</summary>
    public static bool IsSecretLiteralEnv(string? name, string? value, SecretNamePattern? names = null) =>
        !string.IsNullOrEmpty(value) && NameLooksSecret(name, names) && !IsFileReference(name, value);

    /// <summary>SM2016: why a ConfigMap entry looks like a secret, or null when it does not.</summary>
    public static string? ConfigMapEntryLooksSecret(string key, string? value, SecretNamePattern? names = null)
    {
        if (ValueLooksSecret(value) is { } kind)
        {
            return "its value looks like " + kind;
        }

        return NameLooksSecret(key, names) && !IsNullOrWhiteSpace(value) && !IsFileReference(key, value)
            ? "its name looks like a secret"
            : null;
    }

    /// <summary>Whether <paramref name="name"/> looks like the name of a secret.</summary>
    public static bool NameLooksSecret(string? name, SecretNamePattern? names = null) =>
        !string.IsNullOrEmpty(name) && (names ?? SecretNamePattern.Default).LooksSecret(name!);

    /// <summary>
    /// Whether the name/value pair points at a mounted secret file rather than holding the secret:
    /// names ending <c>_FILE</c>, <c>_PATH</c> or <c>_DIR</c>, or an absolute-path value.
    /// </summary>
    public static bool IsFileReference(string? name, string? value)
    {
        if (value is not null && value.Length > 0 && value[0] == '/')
        {
            return true;
        }

        if (name is null)
        {
            return false;
        }

        foreach (var suffix in FileReferenceSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What kind of secret <paramref name="value"/> looks like (a private key, a JWT, a cloud or SaaS token), or null.</summary>
    public static string? ValueLooksSecret(string? value)
    {
        if (value is null || value.Length == 0)
        {
            return null;
        }

        if (value.IndexOf("PRIVATE KEY-----", StringComparison.Ordinal) >= 0)
        {
            return "a private key";
        }

        var trimmed = value.Trim();
        if (trimmed.StartsWith("eyJ", StringComparison.Ordinal) && Count(trimmed, '.') == 2 && trimmed.IndexOfAny(Blanks) < 0)
        {
            return "a JSON Web Token";
        }

        foreach (var prefix in TokenPrefixes)
        {
            if (trimmed.StartsWith(prefix, StringComparison.Ordinal) && trimmed.Length >= prefix.Length + 16 && IsTokenText(trimmed))
            {
                return "an access token";
            }
        }

        return null;
    }

    private static bool IsNullOrWhiteSpace(string? value) => value is null || value.Trim().Length == 0;

    private static int Count(string text, char c)
    {
        var count = 0;
        foreach (var ch in text)
        {
            if (ch == c)
            {
                count++;
            }
        }

        return count;
    }

    private static bool IsTokenText(string text)
    {
        foreach (var ch in text)
        {
            if (!(ch is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')) && ch != '_' && ch != '-')
            {
                return false;
            }
        }

        return true;
    }
}
