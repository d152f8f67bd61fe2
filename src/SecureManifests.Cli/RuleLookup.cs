using SecureManifests.CommandLine;
using SecureManifests.Rules;

namespace SecureManifests.Cli;

/// <summary>Finds a rule by ID (any case) or name, and suggests the closest one for a typo.</summary>
internal static class RuleLookup
{
    /// <summary>The rule whose ID (case-insensitive) or kebab-case name is <paramref name="text"/>.</summary>
    public static RuleDescriptor? Find(string text)
    {
        var trimmed = text.Trim();
        return RuleCatalog.Find(trimmed.ToUpperInvariant())
            ?? RuleCatalog.All.FirstOrDefault(r => string.Equals(r.Name, trimmed, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The rule whose ID or name is nearest to <paramref name="text"/> by edit distance, when the distance is
    /// small enough to be a typo (at most 2 for an ID, a third of the length for a name); otherwise null.
    /// </summary>
    public static RuleDescriptor? Suggest(string text)
    {
        var needle = text.Trim().ToUpperInvariant();
        RuleDescriptor? best = null;
        var bestDistance = int.MaxValue;
        foreach (var rule in RuleCatalog.All)
        {
            var byId = EditDistance.Between(needle, rule.Id);
            var byName = EditDistance.Between(needle, rule.Name.ToUpperInvariant());
            var limitById = 2;
            var limitByName = Math.Max(2, rule.Name.Length / 3);
            var distance = Math.Min(byId <= limitById ? byId : int.MaxValue, byName <= limitByName ? byName : int.MaxValue);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = rule;
            }
        }

        return best;
    }

    /// <summary>The "did you mean" sentence for <paramref name="text"/>, or an empty string.</summary>
    public static string DidYouMean(string text)
    {
        var suggestion = Suggest(text);
        return suggestion is null ? string.Empty : $" (did you mean {suggestion.Id} {suggestion.Name}?)";
    }
}
