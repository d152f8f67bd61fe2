using System.Text.Json.Nodes;

namespace SecureManifests.Packaging.Tests.Lsp;

/// <summary>An LSP range: 0-based lines and UTF-16 characters, the end exclusive.</summary>
internal sealed record LspRange(int StartLine, int StartCharacter, int EndLine, int EndCharacter)
{
    public static LspRange From(JsonNode range) => new(
        range["start"]!["line"]!.GetValue<int>(), range["start"]!["character"]!.GetValue<int>(),
        range["end"]!["line"]!.GetValue<int>(), range["end"]!["character"]!.GetValue<int>());

    /// <summary>The range of the only occurrence of <paramref name="snippet"/> in <paramref name="text"/>, within one line.</summary>
    public static LspRange Of(string text, string snippet)
    {
        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains(snippet, StringComparison.Ordinal));
        if (line < 0 || Array.FindLastIndex(lines, l => l.Contains(snippet, StringComparison.Ordinal)) != line)
        {
            throw new ArgumentException($"`{snippet}` is not on exactly one line of the text.", nameof(snippet));
        }

        var character = lines[line].IndexOf(snippet, StringComparison.Ordinal);
        return new LspRange(line, character, line, character + snippet.Length);
    }
}
