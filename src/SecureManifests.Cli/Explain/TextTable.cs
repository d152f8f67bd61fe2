using System.Text;

namespace SecureManifests.Cli.Explain;

/// <summary>
/// A Markdown table as aligned columns: cells split at unescaped pipes outside code spans, the delimiter row dropped,
/// a header (when it has any text) underlined with dashes, columns two spaces apart.
/// </summary>
internal static class TextTable
{
    public static IEnumerable<string> Render(IReadOnlyList<string> markdownRows)
    {
        ArgumentNullException.ThrowIfNull(markdownRows);
        var rows = markdownRows.Select(Cells).ToList();
        var hasDelimiter = rows.Count > 1 && rows[1].All(IsDelimiter);
        if (hasDelimiter)
        {
            rows.RemoveAt(1);
        }

        var header = hasDelimiter && rows[0].Any(c => c.Length > 0);
        if (hasDelimiter && !header)
        {
            rows.RemoveAt(0);
        }

        var rendered = rows.Select(row => row.Select(InlineMarkdown.Render).ToList()).ToList();
        var columns = rendered.Count == 0 ? 0 : rendered.Max(r => r.Count);
        var widths = Enumerable.Range(0, columns).Select(c => rendered.Max(r => c < r.Count ? r[c].Length : 0)).ToArray();
        for (var r = 0; r < rendered.Count; r++)
        {
            yield return Line(rendered[r], widths);
            if (r == 0 && header)
            {
                yield return Line(widths.Select(w => new string('-', w)).ToList(), widths);
            }
        }
    }

    private static string Line(List<string> cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var c = 0; c < widths.Length; c++)
        {
            line.Append((c < cells.Count ? cells[c] : string.Empty).PadRight(widths[c]));
            if (c + 1 < widths.Length)
            {
                line.Append("  ");
            }
        }

        return line.ToString().TrimEnd();
    }

    private static bool IsDelimiter(string cell) =>
        cell.Trim(':').Length > 0 && cell.Trim(':').All(ch => ch == '-');

    // `| a | `b|c` | d \| e |` has three cells: a, `b|c`, d | e.
    private static List<string> Cells(string row)
    {
        var text = row.Trim();
        if (text.StartsWith('|'))
        {
            text = text[1..];
        }

        if (text.EndsWith('|') && !text.EndsWith("\\|", StringComparison.Ordinal))
        {
            text = text[..^1];
        }

        var cells = new List<string>();
        var cell = new StringBuilder();
        var inCode = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '\\' && i + 1 < text.Length && text[i + 1] == '|')
            {
                cell.Append('|');
                i++;
            }
            else if (ch == '|' && !inCode)
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                inCode ^= ch == '`';
                cell.Append(ch);
            }
        }

        cells.Add(cell.ToString().Trim());
        return cells;
    }
}
