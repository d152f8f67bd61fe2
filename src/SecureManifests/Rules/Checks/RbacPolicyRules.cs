using System.Globalization;
using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>
/// The rules of a Role or ClusterRole and what they grant, with the API server's wildcard semantics:
/// <c>*</c> in verbs, apiGroups or resources matches everything, and <c>*/sub</c> matches subresource
/// <c>sub</c> of every resource. A rule grants a resource only when one of its apiGroups matches too.
/// </summary>
internal static class RbacPolicyRules
{
    /// <summary>The verbs that change objects.</summary>
    public static readonly string[] WriteVerbs = { "create", "update", "patch", "delete", "deletecollection" };

    /// <summary>The rules of a Role or ClusterRole with their paths; empty for any other kind.</summary>
    public static IEnumerable<(V1PolicyRule Rule, string Path)> Of(RuleTarget target)
    {
        var rules = target.Source switch
        {
            V1Role role => role.Rules,
            V1ClusterRole clusterRole => clusterRole.Rules,
            _ => null,
        };
        if (rules is null)
        {
            yield break;
        }

        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is { } rule)
            {
                yield return (rule, "rules[" + i.ToString(CultureInfo.InvariantCulture) + "]");
            }
        }
    }

    /// <summary>Whether the rule allows <paramref name="verb"/>.</summary>
    public static bool AllowsVerb(V1PolicyRule rule, string verb) =>
        rule.Verbs is { } verbs && (verbs.Contains("*") || verbs.Contains(verb));

    /// <summary>Whether the rule allows any of <paramref name="verbs"/>.</summary>
    public static bool AllowsAnyVerb(V1PolicyRule rule, IEnumerable<string> verbs) => verbs.Any(v => AllowsVerb(rule, v));

    /// <summary>Whether the rule covers <paramref name="resource"/> (such as <c>pods/exec</c>) of API group <paramref name="group"/>.</summary>
    public static bool CoversResource(V1PolicyRule rule, string group, string resource)
    {
        if (rule.ApiGroups is not { } groups || !(groups.Contains("*") || groups.Contains(group)) || rule.Resources is not { } resources)
        {
            return false;
        }

        if (resources.Contains("*") || resources.Contains(resource))
        {
            return true;
        }

        var slash = resource.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && resources.Contains("*" + resource[slash..]);
    }

    /// <summary>The verbs of <paramref name="candidates"/> the rule allows, as <c>get, list</c> (a wildcard shows as <c>*</c>).</summary>
    public static string AllowedVerbs(V1PolicyRule rule, IEnumerable<string> candidates) =>
        rule.Verbs is { } verbs && verbs.Contains("*") ? "*" : string.Join(", ", candidates.Where(v => AllowsVerb(rule, v)));
}
