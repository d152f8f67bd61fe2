namespace SecureManifests.Model;

/// <summary>
/// The heuristic of rule SM2005: a name that looks like it holds a secret. A name or value that points at a
/// mounted secret file is not a secret itself.
/// </summary>
internal static class SecretLikeNames
{
    private static readonly string[] Markers = ["password", "passwd", "secret", "token", "apikey", "api_key", "private_key", "credential"];
    private static readonly string[] FileReferenceSuffixes = ["_FILE", "_PATH", "_DIR"];

    public static bool IsSecretLiteral(string name, string value)
    {
        if (value.StartsWith('/') || FileReferenceSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        return Markers.Any(m => name.Contains(m, StringComparison.OrdinalIgnoreCase));
    }
}
