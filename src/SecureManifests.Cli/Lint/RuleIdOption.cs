using System.CommandLine;

namespace SecureManifests.Cli.Lint;

/// <summary>
/// <c>--include IDS</c> / <c>--exclude IDS</c>: comma-separated rule IDs or names, repeatable; the value is the rule
/// IDs, each checked against the catalogue with a "did you mean" for a typo. <see cref="TryParse"/> and
/// <see cref="Unknown"/> read one ID for the options and the config file alike.
/// </summary>
internal static class RuleIdOption
{
    public static Option<string[]> Create(string name, string description) => new(name)
    {
        HelpName = "IDS",
        Description = description,
        Arity = ArgumentArity.OneOrMore,
        CustomParser = result =>
        {
            var ids = new List<string>();
            foreach (var token in result.Tokens)
            {
                foreach (var part in token.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (TryParse(part, out var id))
                    {
                        ids.Add(id);
                    }
                    else
                    {
                        result.AddError($"{name}: {Unknown(part)}");
                        return [];
                    }
                }
            }

            if (ids.Count == 0)
            {
                result.AddError($"{name} needs at least one rule ID");
            }

            return [.. ids];
        },
    };

    /// <summary>The ID of the rule <paramref name="text"/> names by ID (any case) or name; false when none.</summary>
    public static bool TryParse(string text, out string id)
    {
        id = RuleLookup.Find(text)?.Id ?? string.Empty;
        return id.Length > 0;
    }

    /// <summary>The one-line problem with a word that names no rule.</summary>
    public static string Unknown(string text) =>
        $"'{text}' is not a rule ID{RuleLookup.DidYouMean(text)}; `secure-manifests rules` lists them";
}
