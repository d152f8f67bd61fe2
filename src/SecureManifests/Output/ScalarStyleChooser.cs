using System.Collections.Frozen;
using YamlDotNet.Core;

namespace SecureManifests.Output;

/// <summary>
/// Decides how a string is written so that every YAML reader (YAML 1.1 readers such as go-yaml v2 as
/// well as YAML 1.2 ones) reads back the same string. Plain is preferred; anything that a reader could
/// resolve to a bool, null, number or timestamp, or that a plain scalar cannot hold, is double-quoted;
/// multi-line text becomes a literal block. The emitter is never left to pick a style on its own.
/// </summary>
internal static class ScalarStyleChooser
{
    // YAML 1.1 bools and nulls plus 1.2 specials, compared case-insensitively: some readers accept
    // any casing, and quoting "ON" costs nothing. "<<" (merge) and "=" (value) are 1.1 types too.
    private static readonly FrozenSet<string> ReservedWords = new[]
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
        ".inf", "-.inf", "+.inf", ".nan", "<<", "=",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The style for a string value of a mapping or sequence.</summary>
    public static ScalarStyle ForValue(string value) => Choose(value, allowLiteral: true);

    /// <summary>The style for a mapping key: never a block scalar.</summary>
    public static ScalarStyle ForKey(string key) => Choose(key, allowLiteral: false);

    private static ScalarStyle Choose(string value, bool allowLiteral)
    {
        if (value.Length == 0)
        {
            return ScalarStyle.DoubleQuoted;
        }

        var hasLineFeed = false;
        var hasTab = false;
        foreach (var c in value)
        {
            if (c == '\n')
            {
                hasLineFeed = true;
            }
            else if (c == '\t')
            {
                hasTab = true;
            }
            else if (!IsPrintable(c))
            {
                // \r, NEL, LS/PS, other controls, BOM and surrogate pairs: only escapes survive a
                // round trip (a literal block would normalize \r\n to \n).
                return ScalarStyle.DoubleQuoted;
            }
        }

        if (hasLineFeed)
        {
            return allowLiteral && IsLiteralSafe(value) ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted;
        }

        if (hasTab || NeedsQuotesAsPlain(value) || ResolvesToNonString(value))
        {
            return ScalarStyle.DoubleQuoted;
        }

        return ScalarStyle.Plain;
    }

    // A block scalar cannot end in a space or hold a line of only spaces (the emitter falls back to
    // quoting), and one holding only breaks reads back as "" (it is written without content lines).
    private static bool IsLiteralSafe(string value)
    {
        if (value[^1] == ' ' || value.AsSpan().IndexOfAnyExcept(' ', '\n') < 0)
        {
            return false;
        }

        foreach (var line in value.AsSpan().EnumerateLines())
        {
            if (!line.IsEmpty && line.IndexOfAnyExcept(' ') < 0)
            {
                return false;
            }
        }

        return true;
    }

    // The characters YamlDotNet's emitter writes unescaped (YAML's c-printable without line breaks).
    private static bool IsPrintable(char c) => c switch
    {
        >= (char)0x20 and <= (char)0x7E => true,
        >= (char)0xA0 and <= (char)0xD7FF => c is not ((char)0x2028 or (char)0x2029),
        >= (char)0xE000 and <= (char)0xFFFD => c != (char)0xFEFF,
        _ => false,
    };

    /// <summary>Structural reasons a plain scalar cannot hold the text.</summary>
    private static bool NeedsQuotesAsPlain(string s)
    {
        var first = s[0];
        if (first == ' ' || s[^1] == ' ')
        {
            return true;
        }

        switch (first)
        {
            case ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>'
                or '\'' or '"' or '%' or '@' or '`' or '?' or ':':
                return true;
            case '-' when s.Length == 1 || s[1] == ' ' || s.StartsWith("---", StringComparison.Ordinal):
                return true;
            case '.' when s.StartsWith("...", StringComparison.Ordinal):
                return true;
        }

        return s[^1] == ':'
               || s.Contains(": ", StringComparison.Ordinal)
               || s.Contains(" #", StringComparison.Ordinal);
    }

    /// <summary>True when a YAML 1.1 or 1.2 reader would resolve the plain text to a non-string.</summary>
    internal static bool ResolvesToNonString(string s) =>
        (s.Length <= 5 && ReservedWords.Contains(s)) || LooksNumeric(s) || LooksLikeTimestamp(s);

    // Covers 1.2 ints/floats, 1.1 ints with '_', octal 0123, 0x/0o/0b, sexagesimal 1:30 and the
    // loose 1.1 float ([0-9.]* after the dot), so "1.2.3" and "10.0.0.1" are quoted too: harmless.
    private static bool LooksNumeric(string s)
    {
        var i = s[0] is '+' or '-' ? 1 : 0;
        if (i == s.Length)
        {
            return false;
        }

        if (s.Length - i > 2 && s[i] == '0' && s[i + 1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            return IsRadixBody(s.AsSpan(i + 2), s[i + 1]);
        }

        if (!(char.IsAsciiDigit(s[i]) || s[i] == '.'))
        {
            return false;
        }

        var start = i;
        var sawDigit = false;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                sawDigit = true;
            }
            else if (c is 'e' or 'E')
            {
                return sawDigit && IsExponent(s.AsSpan(i + 1));
            }
            else if (c is not ('_' or '.' or ':'))
            {
                return false;
            }
        }

        // The 1.1 float pattern matches "." and ".." without any digit.
        return sawDigit || s.AsSpan(start).IndexOfAnyExcept('.') < 0;
    }

    private static bool IsRadixBody(ReadOnlySpan<char> body, char radix)
    {
        var sawDigit = false;
        foreach (var c in body)
        {
            var ok = radix switch
            {
                'x' or 'X' => char.IsAsciiHexDigit(c),
                'o' or 'O' => c is >= '0' and <= '7',
                _ => c is '0' or '1',
            };
            if (ok)
            {
                sawDigit = true;
            }
            else if (c != '_')
            {
                return false;
            }
        }

        return sawDigit;
    }

    private static bool IsExponent(ReadOnlySpan<char> rest)
    {
        if (rest.Length > 0 && rest[0] is '+' or '-')
        {
            rest = rest[1..];
        }

        if (rest.IsEmpty)
        {
            return false;
        }

        foreach (var c in rest)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    // YAML 1.1 timestamp: yyyy-m(m)-d(d), optionally followed by a time part.
    private static bool LooksLikeTimestamp(string s)
    {
        if (s.Length < 8 || !char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[1]) ||
            !char.IsAsciiDigit(s[2]) || !char.IsAsciiDigit(s[3]) || s[4] != '-')
        {
            return false;
        }

        var i = 5;
        if (!SkipOneOrTwoDigits(s, ref i) || i >= s.Length || s[i] != '-')
        {
            return false;
        }

        i++;
        if (!SkipOneOrTwoDigits(s, ref i))
        {
            return false;
        }

        return i == s.Length || s[i] is 'T' or 't' or ' ' or '\t';
    }

    private static bool SkipOneOrTwoDigits(string s, ref int i)
    {
        if (i >= s.Length || !char.IsAsciiDigit(s[i]))
        {
            return false;
        }

        i++;
        if (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return true;
    }
}
