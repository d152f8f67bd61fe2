#nullable enable
using System;

namespace SecureManifests.Validation;

/// <summary>
/// The resource quantity grammar of the Kubernetes API (<c>resource.ParseQuantity</c>): a signed decimal number
/// followed by one binary-SI, decimal-SI or exponent suffix, for example <c>250m</c>, <c>1.5Gi</c>, <c>1e3</c>.
/// </summary>
internal static class Quantities
{
    private static readonly string[] Suffixes = { "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "n", "u", "m", "k", "M", "G", "T", "P", "E", "" };

    public static bool IsValid(string? value)
    {
        if (value is null || value.Length == 0)
        {
            return false;
        }

        var i = 0;
        if (value[0] is '+' or '-')
        {
            i++;
        }

        var digits = 0;
        while (i < value.Length && Ascii.IsDigit(value[i]))
        {
            i++;
            digits++;
        }

        if (i < value.Length && value[i] == '.')
        {
            i++;
            while (i < value.Length && Ascii.IsDigit(value[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        var suffix = value.Substring(i);
        return Array.IndexOf(Suffixes, suffix) >= 0 || IsExponent(suffix);
    }

    /// <summary>True when the quantity is negative; requests and limits must not be.</summary>
    public static bool IsNegative(string value) => value.Length > 0 && value[0] == '-' && value.IndexOfAny(NonZeroDigits) >= 0;

    private static readonly char[] NonZeroDigits = { '1', '2', '3', '4', '5', '6', '7', '8', '9' };

    private static bool IsExponent(string suffix)
    {
        if (suffix.Length < 2 || suffix[0] is not ('e' or 'E'))
        {
            return false;
        }

        var rest = suffix.Substring(1);
        if (rest[0] is '+' or '-')
        {
            rest = rest.Substring(1);
        }

        if (rest.Length == 0)
        {
            return false;
        }

        foreach (var c in rest)
        {
            if (!Ascii.IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
