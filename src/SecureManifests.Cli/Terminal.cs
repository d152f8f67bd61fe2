using SecureManifests.CommandLine;

namespace SecureManifests.Cli;

/// <summary>When to colour: <c>--color auto|always|never</c>.</summary>
internal enum ColorMode
{
    /// <summary>On a terminal, unless <c>NO_COLOR</c> is set (no-color.org) or <c>TERM</c> is <c>dumb</c>.</summary>
    Auto,

    /// <summary>Always, even redirected and under <c>NO_COLOR</c>: the user asked for it by flag.</summary>
    Always,

    /// <summary>Never.</summary>
    Never,
}

/// <summary>The <c>--color</c> option, accepted by every command, and the style it gives each stream.</summary>
internal static class Terminal
{
    public const string ColorOptionName = "--color";

    private static readonly WordTable<ColorMode> Modes = new(("auto", ColorMode.Auto), ("always", ColorMode.Always), ("never", ColorMode.Never));

    public static readonly SettingOption<ColorMode> Color = new()
    {
        Name = ColorOptionName,
        HelpName = "WHEN",
        Values = "colour severities and headings: auto | always | never (default: auto: on a terminal, unless NO_COLOR is set)",
        Parse = Modes.TryParse,
        Unknown = value => $"unknown colour mode '{value}'; use auto, always or never",
        Words = () => Modes.Names,
    };

    /// <summary>The style for standard output (<paramref name="error"/> false) or standard error.</summary>
    public static TextStyle Style(System.CommandLine.ParseResult result, CliConsole console, bool error = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(console);
        // A bad --color is a usage error of its own; the message about it is then written without colour.
        var given = result.GetResult(ColorOptionName);
        var mode = given is not System.CommandLine.Parsing.OptionResult { Implicit: false } ? ColorMode.Auto
            : result.Errors.Any(e => e.SymbolResult == given) ? ColorMode.Never
            : result.GetValue<ColorMode>(ColorOptionName);
        var on = mode switch
        {
            ColorMode.Always => true,
            ColorMode.Never => false,
            // no-color.org: set to any non-empty value, NO_COLOR turns colour off.
            _ => (error ? console.ErrorIsTerminal : console.OutputIsTerminal)
                && string.IsNullOrEmpty(console.Environment("NO_COLOR"))
                && console.Environment("TERM") != "dumb",
        };
        return on ? TextStyle.Colored : TextStyle.Plain;
    }
}
