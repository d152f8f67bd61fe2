using System;
using System.Text;

namespace SecureManifests.CustomResources;

/// <summary>A schema description as an XML doc comment: escaped, with its blank-line paragraphs kept as &lt;para&gt;.</summary>
internal static class XmlDocs
{
    /// <summary>Appends <c>/// &lt;summary&gt;</c> lines at <paramref name="indent"/>.</summary>
    public static void Summary(StringBuilder code, string indent, string? description, string fallback)
    {
        var text = string.IsNullOrWhiteSpace(description) ? fallback : description!.Replace("\r\n", "\n").Replace('\r', '\n').Trim();
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
