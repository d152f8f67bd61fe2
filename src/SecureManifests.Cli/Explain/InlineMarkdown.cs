using System.Text.RegularExpressions;

namespace SecureManifests.Cli.Explain;

/// <summary>
/// Markdown inline syntax as plain terminal text: <c>[text](url)</c> becomes <c>text (url)</c>, <c>&lt;url&gt;</c>
/// the url, emphasis markers (<c>**</c>, <c>__</c>, <c>*</c>, <c>_</c>) and backslash escapes are dropped. Code spans
/// stay as written, backticks included: they mark literal values (<c>`privileged: true`</c>), and nothing inside
/// them is touched.
/// </summary>
internal static partial class InlineMarkdown
{
    public static string Render(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Code spans are set aside first (a placeholder each), so no rule below reaches into them, even inside a
        // link's label, and put back last.
        var spans = new List<string>();
        var masked = CodeSpanPattern().Replace(text, m =>
        {
            spans.Add(m.Value);
            return $"\u0001{spans.Count - 1}\u0002";
        });
        var linked = LinkPattern().Replace(masked, m =>
        {
            var label = Prose(m.Groups["label"].Value);
            var url = m.Groups["url"].Value;
            return label == url ? url : $"{label} ({url})";
        });
        var plain = Prose(linked);
        return PlaceholderPattern().Replace(plain, m => spans[int.Parse(m.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture)]);
    }

    // Text outside code spans: autolinks, emphasis (markers that pair up around non-blank text, so `snake_case`,
    // `a * b` and `images/*` stay), then escapes.
    private static string Prose(string text)
    {
        var plain = AutolinkPattern().Replace(text, "${url}");
        plain = EmphasisPattern().Replace(plain, "${text}");
        return EscapePattern().Replace(plain, "${char}");
    }

    [GeneratedRegex(@"\[(?<label>[^\]\n]+)\]\((?<url>[^)\s]+)\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"(?<fence>`+)(?!`).+?(?<!`)\k<fence>(?!`)")]
    private static partial Regex CodeSpanPattern();

    [GeneratedRegex("\u0001(?<index>[0-9]+)\u0002")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"<(?<url>https?://[^\s>]+)>")]
    private static partial Regex AutolinkPattern();

    [GeneratedRegex(@"(?<![\w*_])(?<marker>\*\*|__|\*|_)(?=\S)(?<text>.+?)(?<=\S)\k<marker>(?![\w*_])")]
    private static partial Regex EmphasisPattern();

    [GeneratedRegex(@"\\(?<char>[\\`*_{}\[\]()#+\-.!|<>])")]
    private static partial Regex EscapePattern();
}
