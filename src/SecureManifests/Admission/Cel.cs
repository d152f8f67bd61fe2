using System.Globalization;
using System.Text;

namespace SecureManifests.Admission;

/// <summary>
/// Small CEL text builders: string literals, list literals from the semantics layer, and presence-guarded field
/// tests. Only standard CEL, <c>has()</c> and the strings extension; never optional syntax.
/// </summary>
internal static class Cel
{
    // Characters with a meaning in a regular expression outside a character class (a hyphen has none there).
    private const string RegexMetacharacters = @"\.+*?()|[]{}^$";

    /// <summary>A single-quoted CEL string literal.</summary>
    public static string Str(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var ch in value)
        {
            switch (ch)
            {
                case '\'': text.Append("\\'"); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                default: text.Append(ch); break;
            }
        }

        return text.Append('\'').ToString();
    }

    /// <summary>A CEL int literal.</summary>
    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// <paramref name="value"/> as literal text in a regular expression that RE2, .NET and JavaScript all read alike:
    /// only the metacharacters are escaped, since RE2 and JavaScript reject escapes of other characters.
    /// </summary>
    public static string RegexLiteral(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length);
        foreach (var ch in value)
        {
            if (RegexMetacharacters.Contains(ch, StringComparison.Ordinal))
            {
                text.Append('\\');
            }

            text.Append(ch);
        }

        return text.ToString();
    }

    /// <summary>A CEL list of string literals, in the order given (the semantics layer gives them sorted).</summary>
    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Str)) + "]";

    /// <summary>
    /// <c>has(root.a) &amp;&amp; has(root.a.b) ...</c> for the dotted <paramref name="path"/>: true when every step is
    /// present. <c>&amp;&amp;</c> stops at the first absent step, so no expression reads a missing field.
    /// </summary>
    public static string Has(string root, string path)
    {
        var steps = path.Split('.');
        var parts = new List<string>(steps.Length);
        var current = root;
        foreach (var step in steps)
        {
            current += "." + step;
            parts.Add("has(" + current + ")");
        }

        return string.Join(" && ", parts);
    }

    /// <summary>True when <paramref name="path"/> is set and <c>value test</c> holds: <c>(has(...) &amp;&amp; root.path == x)</c>.</summary>
    public static string IsSet(string root, string path, string test) =>
        "(" + Has(root, path) + " && " + root + "." + path + " " + test + ")";

    /// <summary>True when <paramref name="path"/> is unset or <c>value test</c> holds.</summary>
    public static string UnsetOr(string root, string path, string test) =>
        "(!(" + Has(root, path) + ") || " + root + "." + path + " " + test + ")";
}
