using System.CommandLine;

namespace SecureManifests.CommandLine;

/// <summary>An option whose value is free text (a path, a name), optionally checked.</summary>
internal static class TextOption
{
    /// <summary>Creates the option.</summary>
    /// <param name="name">The option, e.g. <c>--assembly</c>.</param>
    /// <param name="helpName">The value's placeholder in help, e.g. <c>DLL</c>.</param>
    /// <param name="description">What it means, for help.</param>
    /// <param name="check">The one-line problem with a value, or null when it is fine; the value stands as given.</param>
    /// <param name="aliases">Short names, e.g. <c>-a</c>.</param>
    public static Option<string> Create(string name, string helpName, string description, Func<string, string?>? check = null, params string[] aliases) =>
        new(name, aliases)
        {
            HelpName = helpName,
            Description = description,
            // Repeating an option overrides it, as the hand-written parsers did (the last one wins): so the arity
            // takes every occurrence, one value each, and the parser reads the last.
            Arity = ArgumentArity.OneOrMore,
            CustomParser = result =>
            {
                var text = result.Tokens[^1].Value;
                if (check?.Invoke(text) is { } problem)
                {
                    result.AddError(problem);
                    return null;
                }

                return text;
            },
        };
}
