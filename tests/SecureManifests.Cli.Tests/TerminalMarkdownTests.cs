using SecureManifests.Cli.Explain;

namespace SecureManifests.Cli.Tests;

/// <summary>
/// The Markdown the rule pages may grow into (links, emphasis, escaped pipes) rendered as terminal text; today's
/// pages are covered through <c>explain</c> in <see cref="RulesAndExplainTests"/>.
/// </summary>
public sealed class TerminalMarkdownTests
{
    [Theory]
    [InlineData("see [the PSS page](https://kubernetes.io/docs/pss/)", "see the PSS page (https://kubernetes.io/docs/pss/)")]
    [InlineData("see [https://x.io](https://x.io) or <https://y.io>", "see https://x.io or https://y.io")]
    [InlineData("set **always** or *never*, __bold__ and _em_", "set always or never, bold and em")]
    [InlineData("keep snake_case, a * b, images/* and `**literal** [a](b)`", "keep snake_case, a * b, images/* and `**literal** [a](b)`")]
    [InlineData(@"a \* star and a \| pipe", "a * star and a | pipe")]
    public void Inline_syntax_becomes_plain_text(string markdown, string expected)
    {
        Assert.Equal(expected + "\n", TerminalMarkdown.Render(markdown, TextStyle.Plain));
    }

    [Fact]
    public void A_table_becomes_aligned_columns_with_its_header_underlined()
    {
        var markdown = """
            | Field | Values |
            |:---|---:|
            | `a|b` | one \| two |
            | [link](https://x.io) | **z** |
            """;

        Assert.Equal(
            """
            Field                Values
            -------------------  ---------
            `a|b`                one | two
            link (https://x.io)  z

            """,
            TerminalMarkdown.Render(markdown, TextStyle.Plain));
    }

    [Fact]
    public void A_long_paragraph_is_wrapped_and_a_list_item_hangs()
    {
        var words = string.Join(' ', Enumerable.Repeat("word", 40));

        var text = TerminalMarkdown.Render(words + "\n\n- " + words, TextStyle.Plain);

        var lines = text.TrimEnd('\n').Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= TerminalMarkdown.Width, line));
        Assert.Contains("- word word", text, StringComparison.Ordinal);
        Assert.StartsWith("  word", lines[^1], StringComparison.Ordinal);
    }
}
