namespace SecureManifests.Cli.Input;

/// <summary>
/// Resolves plain (unquoted, untagged) scalars with the YAML 1.2 core schema, as Kubernetes' YAML to
/// JSON conversion does for null, booleans and numbers. Hand-written matching instead of regular
/// expressions because this runs for every scalar of every document.
/// </summary>
internal static class ScalarResolver
{
    public static ScalarType ResolvePlain(string value)
    {
        switch (value.Length)
        {
            case 0:
                return ScalarType.Null;
            case 1 when value[0] == '~':
                return ScalarType.Null;
            case 4 when value is "null" or "Null" or "NULL":
                return ScalarType.Null;
            case 4 when value is "true" or "True" or "TRUE":
                return ScalarType.Boolean;
            case 5 when value is "false" or "False" or "FALSE":
                return ScalarType.Boolean;
        }

        var first = value[0];
        if (!char.IsAsciiDigit(first) && first is not ('-' or '+' or '.'))
        {
            return ScalarType.String;
        }

        if (IsInteger(value))
        {
            return ScalarType.Integer;
        }

        // .inf and .nan are floats in the core schema but have no JSON form: they stay strings, so a
        // numeric field given one fails with a position instead of silently becoming something else.
        return IsFiniteFloat(value) ? ScalarType.Float : ScalarType.String;
    }

    public static bool IsTrue(string value) => value is "true" or "True" or "TRUE";

    private static bool IsInteger(string s)
    {
        if (s.Length > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o'))
        {
            var hex = s[1] == 'x';
            for (var i = 2; i < s.Length; i++)
            {
                var c = s[i];
                var ok = hex ? char.IsAsciiHexDigit(c) : c is >= '0' and <= '7';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        var start = s[0] is '-' or '+' ? 1 : 0;
        if (start == s.Length)
        {
            return false;
        }

        for (var i = start; i < s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }
        }

        return true;
    }

    // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
    private static bool IsFiniteFloat(string s)
    {
        var i = s[0] is '-' or '+' ? 1 : 0;
        var intDigits = CountDigits(s, ref i);
        var fracDigits = 0;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            fracDigits = CountDigits(s, ref i);
            if (intDigits == 0 && fracDigits == 0)
            {
                return false;
            }
        }
        else if (intDigits == 0)
        {
            return false;
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '-' or '+')
            {
                i++;
            }

            if (CountDigits(s, ref i) == 0)
            {
                return false;
            }
        }

        return i == s.Length;
    }

    private static int CountDigits(string s, ref int i)
    {
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i - start;
    }
}
