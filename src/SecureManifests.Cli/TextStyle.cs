using SecureManifests.Rules;

namespace SecureManifests.Cli;

/// <summary>ANSI colour for terminal text, or none: every colouring goes through here, so "off" is one switch.</summary>
internal sealed class TextStyle
{
    private const string Reset = "\u001b[0m";

    private TextStyle(bool enabled) => Enabled = enabled;

    public static TextStyle Plain { get; } = new(enabled: false);

    public static TextStyle Colored { get; } = new(enabled: true);

    public bool Enabled { get; }

    /// <summary><paramref name="text"/> in the colour of <paramref name="severity"/>: error red, warning yellow, info cyan.</summary>
    public string Severity(RuleSeverity severity, string text) => Wrap(severity switch
    {
        RuleSeverity.Error => "\u001b[31m",
        RuleSeverity.Warning => "\u001b[33m",
        _ => "\u001b[36m",
    }, text);

    /// <summary><paramref name="text"/> in the colour of an error (unreadable input, usage errors).</summary>
    public string Error(string text) => Severity(RuleSeverity.Error, text);

    /// <summary><paramref name="text"/> in bold (headings).</summary>
    public string Bold(string text) => Wrap("\u001b[1m", text);

    private string Wrap(string code, string text) => Enabled && text.Length > 0 ? code + text + Reset : text;
}
