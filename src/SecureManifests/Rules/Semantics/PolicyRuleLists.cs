#nullable enable
using System;
using System.Collections.Generic;

namespace SecureManifests.Rules.Semantics;

/// <summary>
/// One RBAC policy rule as the API server matches it: <c>*</c> in verbs, apiGroups or resources matches
/// everything, and <c>*/sub</c> matches subresource <c>sub</c> of every resource. A rule grants a resource only
/// when one of its apiGroups matches too. Unset lists match nothing.
/// </summary>
internal readonly struct PolicyRuleLists
{
    public const string Wildcard = "*";

    public PolicyRuleLists(IList<string>? apiGroups, IList<string>? resources, IList<string>? verbs)
    {
        ApiGroups = apiGroups;
        Resources = resources;
        Verbs = verbs;
    }

    public IList<string>? ApiGroups { get; }

    public IList<string>? Resources { get; }

    public IList<string>? Verbs { get; }

    /// <summary>Whether <paramref name="values"/> holds the wildcard (SM3004).</summary>
    public static bool HasWildcard(IList<string>? values) => values is not null && values.Contains(Wildcard);

    /// <summary>Whether the rule allows <paramref name="verb"/>.</summary>
    public bool AllowsVerb(string verb) => Verbs is { } verbs && (verbs.Contains(Wildcard) || verbs.Contains(verb));

    /// <summary>Whether the rule allows any verb at all.</summary>
    public bool AllowsSomeVerb => Verbs is { Count: > 0 };

    /// <summary>The verbs of <paramref name="candidates"/> the rule allows, in their order; just <c>*</c> for a wildcard.</summary>
    public List<string> AllowedVerbs(IEnumerable<string> candidates)
    {
        var allowed = new List<string>();
        if (Verbs is { } verbs && verbs.Contains(Wildcard))
        {
            allowed.Add(Wildcard);
            return allowed;
        }

        foreach (var verb in candidates)
        {
            if (AllowsVerb(verb))
            {
                allowed.Add(verb);
            }
        }

        return allowed;
    }

    /// <summary>Whether the rule covers <paramref name="resource"/> (such as <c>pods/exec</c>) of API group <paramref name="group"/>.</summary>
    public bool CoversResource(string group, string resource)
    {
        if (ApiGroups is not { } groups || !(groups.Contains(Wildcard) || groups.Contains(group)) || Resources is not { } resources)
        {
            return false;
        }

        if (resources.Contains(Wildcard) || resources.Contains(resource))
        {
            return true;
        }

        var slash = resource.IndexOf('/');
        return slash > 0 && resources.Contains(Wildcard + resource.Substring(slash));
    }
}
