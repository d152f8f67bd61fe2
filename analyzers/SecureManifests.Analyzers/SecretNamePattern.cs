using System;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureManifests.Analyzers;

/// <summary>
/// Which environment variable names look like secrets (SM2005). The default markers come from the rule spec;
/// <c>secure_manifests.secret_name_pattern</c> in .editorconfig replaces them with a case-insensitive regex.
/// </summary>
internal sealed class SecretNamePattern
{
    /// <summary>The .editorconfig key.</summary>
    public const string OptionKey = "secure_manifests.secret_name_pattern";

    private static readonly string[] DefaultMarkers = { "password", "passwd", "secret", "token", "apikey", "api_key", "private_key", "credential" };

    public static readonly SecretNamePattern Default = new(null);

    private readonly Regex? _regex;

    private SecretNamePattern(Regex? regex) => _regex = regex;

    public static SecretNamePattern From(AnalyzerConfigOptions options)
    {
        if (!options.TryGetValue(OptionKey, out var pattern) || string.IsNullOrWhiteSpace(pattern))
        {
            return Default;
        }

        try
        {
            return new SecretNamePattern(new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)));
        }
        catch (ArgumentException)
        {
            // An invalid pattern must not take the analyzer down (AD0001); the spec's markers still apply.
            return Default;
        }
    }

    public bool LooksSecret(string name)
    {
        if (_regex is not null)
        {
            try
            {
                return _regex.IsMatch(name);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }

        foreach (var marker in DefaultMarkers)
        {
            if (name.IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
