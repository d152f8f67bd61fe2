#nullable enable
using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace SecureManifests.Rules.Semantics;

/// <summary>
/// Which names look like secrets (SM2005, SM2016): by default a name containing one of the rule spec's
/// markers (case-insensitive); a team can replace the markers with a case-insensitive regular expression.
/// </summary>
internal sealed class SecretNamePattern
{
    private static readonly string[] DefaultMarkers = { "password", "passwd", "secret", "token", "apikey", "api_key", "private_key", "credential" };

    /// <summary>The rule spec's markers.</summary>
    public static readonly SecretNamePattern Default = new(null);

    /// <summary>The default markers, lower case: a name looks secret when it contains one, ignoring case.</summary>
    public static IReadOnlyList<string> DefaultMarkerList { get; } = Array.AsReadOnly(DefaultMarkers);

    private readonly Regex? _regex;

    private SecretNamePattern(Regex? regex) => _regex = regex;

    /// <summary>The pattern <paramref name="regex"/>, or null when it is not a valid regular expression.</summary>
    public static SecretNamePattern? TryCreate(string regex)
    {
        try
        {
            return new SecretNamePattern(new Regex(regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)));
        }
        catch (ArgumentException)
        {
            return null;
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
