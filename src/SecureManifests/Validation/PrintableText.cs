#nullable enable
using System.Globalization;
using System.Text;

namespace SecureManifests.Validation;

/// <summary>
/// Text from user input made safe for one line of a terminal or a log: control characters (C0, DEL, C1) and the
/// Unicode line and paragraph separators are written as escapes (<c>\n</c>, <c>\t</c>, <c>\u001b</c>), so a value
/// can neither break a message over several lines, forge a report line, nor send a terminal escape sequence.
/// </summary>
internal static class PrintableText
{
    /// <summary><paramref name="text"/> with every control character escaped; the same instance when it has none.</summary>
    public static string Escape(string text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var first = IndexOfControl(text);
        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        escaped.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsControl(c))
            {
                escaped.Append(c);
                continue;
            }

            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
        }

        return escaped.ToString();
    }

    /// <summary>Whether <paramref name="c"/> must not reach a terminal raw.</summary>
    public static bool IsControl(char c) => c < ' ' || (c >= '\u007f' && c <= '\u009f') || c == '\u2028' || c == '\u2029';

    private static int IndexOfControl(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsControl(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
