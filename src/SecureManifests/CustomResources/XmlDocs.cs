using System;
using System.Text;

namespace SecureManifests.CustomResources;

/// <summary>A schema description as an XML doc comment: escaped, with its blank-line paragraphs kept as &lt;para&gt;.</summary>
internal static class XmlDocs
{
    /// <summary>
    /// Appends <c>/// &lt;summary&gt;</c> lines at <paramref name="indent"/>: the description, escaped, or when there is none
    /// <paramref name="fallbackXml"/>, which is XML already (one line, so it may hold <c>&lt;c&gt;</c>).
    /// </summary>
    public static void Summary(StringBuilder code, string indent, string? description, string fallbackXml)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            code.Append(indent).Append("/// <summary>").Append(fallbackXml).Append("</summary>\n");
            return;
        }

        var text = description!.Replace("\r\n", "\n").Replace('\r', '\n').Trim();
        code.Append(indent).Append("/// <summary>\n");
        var paragraphs = text.Split(["\n\n"], StringSplitOptions.RemoveEmptyEntries);
        foreach (var paragraph in paragraphs)
        {
            var trimmed = paragraph.Trim('\n');
            if (trimmed.Trim().Length == 0)
            {
                continue;
            }

            var wrap = paragraphs.Length > 1;
            if (wrap)
            {
                code.Append(indent).Append("/// <para>\n");
            }

            foreach (var line in trimmed.Split('\n'))
            {
                code.Append(indent).Append("/// ");
                Escape(code, line.TrimEnd());
                code.Append('\n');
            }

            if (wrap)
            {
                code.Append(indent).Append("/// </para>\n");
            }
        }

        code.Append(indent).Append("/// </summary>\n");
    }

    /// <summary>XML text: &amp;, &lt; and &gt; escaped (so <c>]]&gt;</c> cannot end anything), control characters dropped.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        Escape(escaped, text);
        return escaped.ToString();
    }

    /// <summary>Appends <paramref name="text"/> as XML text.</summary>
    public static void Escape(StringBuilder code, string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&':
                    code.Append("&amp;");
                    break;
                case '<':
                    code.Append("&lt;");
                    break;
                case '>':
                    code.Append("&gt;");
                    break;
                default:
                    if (c >= ' ' && c != '\u0085' && c != '\u2028' && c != '\u2029' && c != '\uFFFE' && c != '\uFFFF')
                    {
                        code.Append(c);
                    }
                    else if (c == '\t')
                    {
                        code.Append(' ');
                    }

                    break;
            }
        }
    }
}
