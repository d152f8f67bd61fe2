using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SecureManifests.CustomResources;

/// <summary>
/// C# names from JSON names and literals from strings, for the emitter. PascalCasing is the escape for keywords: every
/// C# keyword is lower case, and a PascalCased name starts with an upper-case letter or an underscore.
/// </summary>
internal static class CSharpNames
{
    /// <summary>
    /// <c>issuerRef</c> becomes <c>IssuerRef</c>, <c>x-kubernetes-foo</c> <c>XKubernetesFoo</c>, <c>$schema</c> <c>Schema</c>,
    /// <c>3scale</c> <c>_3scale</c>; a name with no letter or digit becomes <paramref name="fallback"/>, a very long one is <see cref="Shortened"/>.
    /// </summary>
    public static string Pascal(string name, string fallback = "Value")
    {
        var result = new StringBuilder(name.Length + 1);
        var upper = true;
        foreach (var c in name)
        {
            if (IsIdentifierPart(c))
            {
                result.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        if (result.Length == 0)
        {
            return fallback;
        }

        if (!IsIdentifierStart(result[0]))
        {
            result.Insert(0, '_');
        }

        return Shortened(result.ToString());
    }

    /// <summary>Whether <paramref name="value"/> is a reserved C# keyword (such as <c>class</c> or <c>event</c>).</summary>
    public static bool IsKeyword(string value) => Keywords.Contains(value);

    /// <summary>
    /// <paramref name="name"/>, or when it is longer than <paramref name="limit"/> characters its start followed by a hash
    /// of the whole, so deeply nested path names stay far below C#'s 512-character limit and still differ.
    /// </summary>
    public static string Shortened(string name, int limit = 160)
    {
        if (name.Length <= limit)
        {
            return name;
        }

        return name.Remove(limit - 9) + "_" + Hash(name);
    }

    /// <summary>FNV-1a of <paramref name="value"/> as 8 hex digits: stable across runs and machines, unlike string.GetHashCode.</summary>
    public static string Hash(string value)
    {
        var hash = 2166136261u;
        foreach (var c in value)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }

    /// <summary>A C# regular string literal of <paramref name="value"/>.</summary>
    public static string Literal(string value)
    {
        var literal = new StringBuilder(value.Length + 2);
        literal.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    literal.Append("\\\"");
                    break;
                case '\\':
                    literal.Append("\\\\");
                    break;
                case '\n':
                    literal.Append("\\n");
                    break;
                case '\r':
                    literal.Append("\\r");
                    break;
                case '\t':
                    literal.Append("\\t");
                    break;
                default:
                    if (c < ' ' || c == '\u0085' || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c) || c == '\uFEFF')
                    {
                        literal.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        literal.Append(c);
                    }

                    break;
            }
        }

        return literal.Append('"').ToString();
    }

    private static readonly HashSet<string> Keywords = new(System.StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    private static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c);

    private static bool IsIdentifierPart(char c) =>
        c == '_' || char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
