using System.CommandLine;
using System.CommandLine.Parsing;

namespace SecureManifests.CommandLine;

/// <summary>
/// What is wrong with a parsed command line, as one line in the products' own words (<c>--format needs a value</c>,
/// <c>unknown option '--frmat' for lint (did you mean --format?)</c>), instead of System.CommandLine's messages and
/// its several-line typo lists. The runner, the host and the CLI all report through here.
/// </summary>
internal static class UsageProblems
{
    /// <summary>The first problem of <paramref name="result"/>, or null when it parsed cleanly.</summary>
    public static string? First(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var command = result.CommandResult.Command;
        var where = result.CommandResult.Parent is null ? string.Empty : $" for {command.Name}";
        var options = OptionsInScope(result.CommandResult);

        // An unknown option in front of a command's arguments is read as one of them (a PATH to lint, an ID to
        // explain) by System.CommandLine, so it is looked for in the tokens before anything else.
        if (StrayOption(result, options) is { } stray)
        {
            return UnknownOption(stray, where, options);
        }

        if (result.UnmatchedTokens.Count > 0)
        {
            var token = result.UnmatchedTokens[0];
            if (LooksLikeOption(token))
            {
                return UnknownOption(token, where, options);
            }

            if (command.Subcommands.Count > 0)
            {
                var names = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
                return $"unknown command '{token}'{DidYouMean(token, names)}; use {Enumerate(names)}";
            }

            return $"unexpected argument '{token}'{where}";
        }

        foreach (var error in result.Errors)
        {
            switch (error.SymbolResult)
            {
                case OptionResult { Tokens.Count: 0 } missing when missing.Option.Arity.MinimumNumberOfValues > 0:
                    return $"{Identifier(missing)} needs a value";
                case OptionResult flag when flag.Option.ValueType == typeof(bool):
                    return $"{Identifier(flag)} takes no value";
                default:
                    // The options' own parsers (SettingOption, the CLI's options) word their errors already.
                    return error.Message.TrimEnd('.');
            }
        }

        return null;
    }

    /// <summary>" (did you mean X?)" for the candidate nearest to <paramref name="text"/>, or an empty string.</summary>
    public static string DidYouMean(string text, IEnumerable<string> candidates) =>
        EditDistance.Nearest(text, candidates) is { } nearest ? $" (did you mean {nearest}?)" : string.Empty;

    private static string UnknownOption(string token, string where, Dictionary<string, Option> options)
    {
        var name = token.Split('=', 2)[0];
        return $"unknown option '{name}'{where}{DidYouMean(name, options.Where(o => !o.Value.Hidden).Select(o => o.Key))}";
    }

    private static string Identifier(OptionResult result) => result.IdentifierToken?.Value ?? result.Option.Name;

    private static bool LooksLikeOption(string token) => token.Length > 1 && token[0] == '-';

    // An argument token shaped like an option, before any `--`, that is no option's value.
    private static string? StrayOption(ParseResult result, Dictionary<string, Option> options)
    {
        var tokens = result.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Type == TokenType.DoubleDash)
            {
                return null;
            }

            var isValue = i > 0 && tokens[i - 1].Type == TokenType.Option
                && options.TryGetValue(tokens[i - 1].Value, out var previous)
                && previous.Arity.MinimumNumberOfValues > 0;
            if (token.Type == TokenType.Argument && LooksLikeOption(token.Value) && !isValue)
            {
                return token.Value;
            }
        }

        return null;
    }

    // The options a command accepts: its own and the recursive ones of its parents (--help), by name and alias.
    private static Dictionary<string, Option> OptionsInScope(CommandResult command)
    {
        var options = new Dictionary<string, Option>(StringComparer.Ordinal);
        var own = true;
        for (SymbolResult? symbol = command; symbol is CommandResult current; symbol = current.Parent, own = false)
        {
            foreach (var option in current.Command.Options.Where(o => own || o.Recursive))
            {
                options.TryAdd(option.Name, option);
                foreach (var alias in option.Aliases)
                {
                    options.TryAdd(alias, option);
                }
            }
        }

        return options;
    }

    private static string Enumerate(List<string> names) =>
        names.Count < 2 ? string.Join(string.Empty, names) : $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}";
}
