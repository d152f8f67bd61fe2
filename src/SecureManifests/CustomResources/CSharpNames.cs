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
    /// <c>3scale</c> <c>_3scale</c>; a name with no letter or digit becomes <paramref name="fallback"/>.
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

        return result.ToString();
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

    private static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c);

    private static bool IsIdentifierPart(char c) =>
        c == '_' || char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}

/// <summary>
/// The names already used in one C# scope (a namespace's types, a class's members): a name that is taken gets a
/// number (<c>Foo</c>, <c>Foo2</c>, ...), so <c>foo</c> and <c>Foo</c>, or a property named like its class, never clash.
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken;

    public NameScope(IEnumerable<string> reserved) => _taken = new HashSet<string>(reserved, System.StringComparer.Ordinal);

    /// <summary>Members of <see cref="object"/> that a property must not hide (CS0108), with what a class's own code defines.</summary>
    public static IEnumerable<string> ObjectMembers { get; } = ["Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "ReferenceEquals"];

    public string Claim(string name)
    {
        if (_taken.Add(name))
        {
            return name;
        }

        for (var n = 2; ; n++)
        {
            var numbered = name + n.ToString(CultureInfo.InvariantCulture);
            if (_taken.Add(numbered))
            {
                return numbered;
            }
        }
    }
}
