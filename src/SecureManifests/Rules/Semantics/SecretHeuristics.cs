#nullable enable
using System;
using System.Collections.Generic;

namespace SecureManifests.Rules.Semantics;

/// <summary>
/// How SM2005 and SM2016 decide that a name or value holds a secret. Plain string tests rather than
/// regular expressions: these run on every env var and ConfigMap key. Which names look secret can be
/// replaced with a <see cref="SecretNamePattern"/> (the analyzers' <c>secure_manifests.secret_name_pattern</c>).
/// </summary>
internal static class SecretHeuristics
{
    /// <summary>A value that starts with this is a path, so it points at a mounted file.</summary>
    public const char AbsolutePathStart = '/';

    /// <summary>The text every PEM private key block contains.</summary>
    public const string PrivateKeyMarker = "PRIVATE KEY-----";

    /// <summary>How a JSON Web Token starts (base64url of <c>{"</c>), and how many dots separate its three parts.</summary>
    public const string JwtStart = "eyJ";
    public const int JwtDots = 2;

    /// <summary>How many characters an access token has after its prefix at least.</summary>
    public const int MinTokenBodyLength = 16;

    /// <summary>The characters of a token besides ASCII letters and digits.</summary>
    public const string TokenPunctuation = "_-";

    private static readonly string[] FileReferenceSuffixes = { "_FILE", "_PATH", "_DIR" };

    private static readonly char[] Blanks = { ' ', '\n' };

    private static readonly string[] TokenPrefixes =
    {
        "ghp_", "gho_", "ghs_", "github_pat_", "glpat-", "xoxb-", "xoxp-", "xoxa-", "sk_live_", "rk_live_", "AKIA", "ASIA",
    };

    /// <summary>Name suffixes (upper case, matched ignoring case) that mark a reference to a mounted secret file.</summary>
    public static IReadOnlyList<string> FileReferenceSuffixList { get; } = Array.AsReadOnly(FileReferenceSuffixes);

    /// <summary>The characters a JSON Web Token never contains.</summary>
    public static IReadOnlyList<char> BlankList { get; } = Array.AsReadOnly(Blanks);

    /// <summary>The prefixes of the cloud and SaaS access tokens recognised in values.</summary>
    public static IReadOnlyList<string> TokenPrefixList { get; } = Array.AsReadOnly(TokenPrefixes);

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
        if (value is not null && value.Length > 0 && value[0] == AbsolutePathStart)
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

        if (value.IndexOf(PrivateKeyMarker, StringComparison.Ordinal) >= 0)
        {
            return "a private key";
        }

        var trimmed = value.Trim();
        if (trimmed.StartsWith(JwtStart, StringComparison.Ordinal) && Count(trimmed, '.') == JwtDots && trimmed.IndexOfAny(Blanks) < 0)
        {
            return "a JSON Web Token";
        }

        foreach (var prefix in TokenPrefixes)
        {
            if (trimmed.StartsWith(prefix, StringComparison.Ordinal) && trimmed.Length >= prefix.Length + MinTokenBodyLength && IsTokenText(trimmed))
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
            if (!(ch is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')) && TokenPunctuation.IndexOf(ch) < 0)
            {
                return false;
            }
        }

        return true;
    }
}
