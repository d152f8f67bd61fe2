using System.CommandLine;

namespace SecureManifests.Cli.Lint;

/// <summary>
/// <c>--include IDS</c> / <c>--exclude IDS</c>: comma-separated rule IDs or names, repeatable; the value is the rule
/// IDs, each checked against the catalogue with a "did you mean" for a typo.
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
                    if (RuleLookup.Find(part) is { } rule)
                    {
                        ids.Add(rule.Id);
                    }
                    else
                    {
                        result.AddError($"{name}: '{part}' is not a rule ID{RuleLookup.DidYouMean(part)}; `secure-manifests rules` lists them");
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
}
