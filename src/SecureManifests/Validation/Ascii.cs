#nullable enable
namespace SecureManifests.Validation;

/// <summary>ASCII character classes (netstandard2.0, which the analyzers compile this folder for, lacks char.IsAscii*).</summary>
internal static class Ascii
{
    public static bool IsDigit(char c) => c is >= '0' and <= '9';

    public static bool IsLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');
}
