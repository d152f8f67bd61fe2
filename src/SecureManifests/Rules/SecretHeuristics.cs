namespace SecureManifests.Rules;

/// <summary>
/// How SM2005 and SM2016 decide that a name or value holds a secret. Plain string tests rather than
/// regular expressions: these run on every env var and ConfigMap key.
/// </summary>
public static class SecretHeuristics
{
    private static readonly string[] SecretWords =
    {
        "password", "passwd", "secret", "token", "apikey", "api_key", "private_key", "credential",
    };

    private static readonly string[] FileReferenceSuffixes = { "_FILE", "_PATH", "_DIR" };

    private static readonly string[] TokenPrefixes =
    {
        "ghp_", "gho_", "ghs_", "github_pat_", "glpat-", "xoxb-", "xoxp-", "xoxa-", "sk_live_", "rk_live_", "AKIA", "ASIA",
    };

    /// <summary>SM2005: an env var whose name looks secret holds a literal value rather than a file reference.</summary>
    public static bool IsSecretLiteralEnv(string? name, string? value) =>
        !string.IsNullOrEmpty(value) && NameLooksSecret(name) && !IsFileReference(name, value);

    /// <summary>SM2016: why a ConfigMap entry looks like a secret, or null when it does not.</summary>
    public static string? ConfigMapEntryLooksSecret(string key, string? value)
    {
        if (ValueLooksSecret(value) is { } kind)
        {
            return "its value looks like " + kind;
        }

        return NameLooksSecret(key) && !string.IsNullOrWhiteSpace(value) && !IsFileReference(key, value)
            ? "its name looks like a secret"
            : null;
    }

    /// <summary>Whether <paramref name="name"/> contains a word that marks a secret (case-insensitive).</summary>
    public static bool NameLooksSecret(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var word in SecretWords)
        {
            if (name.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the name/value pair points at a mounted secret file rather than holding the secret:
    /// names ending <c>_FILE</c>, <c>_PATH</c> or <c>_DIR</c>, or an absolute-path value.
    /// </summary>
    public static bool IsFileReference(string? name, string? value)
    {
        if (value is not null && value.StartsWith('/'))
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
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            return "a private key";
        }

        var trimmed = value.AsSpan().Trim();
        if (trimmed.StartsWith("eyJ", StringComparison.Ordinal) && trimmed.Count('.') == 2 && trimmed.IndexOfAny(' ', '\n') < 0)
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

    private static bool IsTokenText(ReadOnlySpan<char> text)
    {
        foreach (var ch in text)
        {
            if (!char.IsAsciiLetterOrDigit(ch) && ch != '_' && ch != '-')
            {
                return false;
            }
        }

        return true;
    }
}
