using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;

namespace SecureManifests.CommandLine;

/// <summary>Parses one word of a setting; false when the word is not one of its values.</summary>
internal delegate bool SettingParser<T>(string text, out T value);

/// <summary>
/// An option whose value is one word of a known set (<c>--profile</c>, <c>--layout</c>, the CLI's <c>--format</c>):
/// its names, words and messages, defined once. <see cref="Create"/> makes the System.CommandLine option for one
/// command, so <c>--x=y</c>, <c>--x y</c>, completion and a bad value's message are the same wherever it is accepted.
/// </summary>
internal sealed class SettingOption<T>
    where T : struct
{
    /// <summary>The option, e.g. <c>--profile</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Short names, e.g. <c>-f</c>.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The MSBuild property the build targets pass as this option (e.g. <c>SecureManifestsProfile</c>); null for CLI-only options.</summary>
    public string? MsBuildProperty { get; init; }

    /// <summary>The value's placeholder in help, e.g. <c>P</c>.</summary>
    public required string HelpName { get; init; }

    /// <summary>The accepted values and the default, as help shows them.</summary>
    public required string Values { get; init; }

    /// <summary>Reads a word.</summary>
    public required SettingParser<T> Parse { get; init; }

    /// <summary>The one-line message for a word that is none of the values.</summary>
    public required Func<string, string> Unknown { get; init; }

    /// <summary>The words, for shell completion.</summary>
    public required Func<IEnumerable<string>> Words { get; init; }

    /// <summary>
    /// The option as <paramref name="dialect"/> writes it. Bind it with <see cref="ParseResultBinding.IfGiven"/>, which
    /// skips an option not given, or given empty in the MSBuild dialect ("the default").
    /// </summary>
    /// <param name="dialect">Who writes the command line.</param>
    /// <param name="purpose">What the setting does for this command, put before the values in help; null for none.</param>
    public Option<T> Create(SettingDialect dialect = SettingDialect.CommandLine, string? purpose = null)
    {
        var option = new Option<T>(Name, [.. Aliases])
        {
            HelpName = HelpName,
            Description = purpose is null ? Values : $"{purpose}: {Values}",
            // Repeating an option overrides it, as the hand-written parsers did (the last word wins): so the arity
            // takes every occurrence, one value each, and the parser reads the last.
            Arity = ArgumentArity.OneOrMore,
            CustomParser = result => Read(result, dialect),
        };
        // Only the words: the default source would add the enum's member names (Restricted) beside them.
        option.CompletionSources.Clear();
        option.CompletionSources.Add(_ => Words().Select(word => new CompletionItem(word)));
        return option;
    }

    // Empty in the MSBuild dialect: no error, and the binding skips it. The value returned for it, and after an error,
    // is never read; it is not null, because System.CommandLine fails to cast a null from a parser to a value type.
    private T Read(ArgumentResult result, SettingDialect dialect)
    {
        var text = result.Tokens[^1].Value;
        if (dialect == SettingDialect.MsBuild && text.Length == 0)
        {
            return default;
        }

        if (Parse(text, out var value))
        {
            return value;
        }

        result.AddError(dialect == SettingDialect.MsBuild && MsBuildProperty is not null ? $"{MsBuildProperty}: {Unknown(text)}" : Unknown(text));
        return default;
    }
}
