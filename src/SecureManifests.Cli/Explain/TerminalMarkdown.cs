using System.Text;
using System.Text.RegularExpressions;

namespace SecureManifests.Cli.Explain;

/// <summary>
/// A Markdown page (a rule's docs page) as readable terminal text: headings underlined (and bold in colour),
/// paragraphs and list items wrapped to <see cref="Width"/> columns, code blocks indented four spaces without their
/// fences, tables as aligned columns, inline syntax as <see cref="InlineMarkdown"/> renders it. Deterministic: the
/// width is fixed, not the terminal's, so the text is the same wherever it is printed.
/// </summary>
internal static partial class TerminalMarkdown
{
    public const int Width = 100;

    public static string Render(string markdown, TextStyle style)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(style);
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var output = new List<string>();
        var paragraph = new List<string>();

        void Flush()
        {
            if (paragraph.Count > 0)
            {
                output.AddRange(Wrap(InlineMarkdown.Render(string.Join(' ', paragraph)), string.Empty, string.Empty));
                paragraph.Clear();
            }
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                Flush();
                for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal); i++)
                {
                    output.Add(lines[i].Length == 0 ? string.Empty : "    " + lines[i]);
                }
            }
            else if (HeadingPattern().Match(line) is { Success: true } heading)
            {
                Flush();
                var text = InlineMarkdown.Render(heading.Groups["text"].Value.Trim());
                output.Add(style.Bold(text));
                var level = heading.Groups["level"].Length;
                if (level <= 2)
                {
                    output.Add(new string(level == 1 ? '=' : '-', text.Length));
                }
            }
            else if (line.TrimStart().StartsWith('|'))
            {
                Flush();
                var rows = new List<string>();
                for (; i < lines.Length && lines[i].TrimStart().StartsWith('|'); i++)
                {
                    rows.Add(lines[i]);
                }

                i--;
                output.AddRange(TextTable.Render(rows));
            }
            else if (ListItemPattern().Match(line) is { Success: true } item)
            {
                Flush();
                var text = new StringBuilder(item.Groups["text"].Value);
                // Lazy continuation: following lines of the item that start no block of their own.
                for (; i + 1 < lines.Length && lines[i + 1].Length > 0 && char.IsWhiteSpace(lines[i + 1][0]) && !StartsBlock(lines[i + 1]); i++)
                {
                    text.Append(' ').Append(lines[i + 1].Trim());
                }

                var marker = item.Groups["indent"].Value + item.Groups["marker"].Value + " ";
                output.AddRange(Wrap(InlineMarkdown.Render(text.ToString()), marker, new string(' ', marker.Length)));
            }
            else if (line.StartsWith('>'))
            {
                Flush();
                output.AddRange(Wrap(InlineMarkdown.Render(line.TrimStart('>').Trim()), "  ", "  "));
            }
            else if (line.Trim().Length == 0)
            {
                Flush();
                output.Add(string.Empty);
            }
            else
            {
                paragraph.Add(line.Trim());
            }
        }

        Flush();
        return Join(output);
    }

    private static bool StartsBlock(string line) =>
        ListItemPattern().IsMatch(line) || HeadingPattern().IsMatch(line) || line.TrimStart().StartsWith('|') || line.TrimStart().StartsWith("```", StringComparison.Ordinal);

    // Greedy wrapping at spaces; a word longer than the line (a long URL) stands on its own line, unbroken.
    private static IEnumerable<string> Wrap(string text, string firstPrefix, string restPrefix)
    {
        var line = new StringBuilder(firstPrefix);
        var empty = true;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > Width)
            {
                yield return line.ToString();
                line.Clear().Append(restPrefix);
                empty = true;
            }

            if (!empty)
            {
                line.Append(' ');
            }

            line.Append(word);
            empty = false;
        }

        yield return line.ToString();
    }

    // One blank line between blocks at most, none at the ends; every line ends with \n.
    private static string Join(List<string> lines)
    {
        var text = new StringBuilder();
        var blank = true;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                if (!blank)
                {
                    text.Append('\n');
                }

                blank = true;
                continue;
            }

            text.Append(line).Append('\n');
            blank = false;
        }

        var result = text.ToString().TrimEnd('\n');
        return result + "\n";
    }

    [GeneratedRegex(@"^(?<level>#{1,6})\s+(?<text>.*?)\s*#*\s*$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^(?<indent>\s*)(?<marker>[-*+]|\d+[.)])\s+(?<text>.*)$")]
    private static partial Regex ListItemPattern();
}
