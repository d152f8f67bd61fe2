using SecureManifests.Rules.Semantics;
using System.Globalization;
using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>
/// The rules of a Role or ClusterRole, each as the <see cref="PolicyRuleLists"/> that the shared RBAC semantics
/// match, with its field path.
/// </summary>
internal static class RbacPolicyRules
{
    /// <summary>The rules of a Role or ClusterRole with their paths; empty for any other kind.</summary>
    public static IEnumerable<(PolicyRuleLists Rule, string Path)> Of(RuleTarget target)
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
                yield return (new PolicyRuleLists(rule.ApiGroups, rule.Resources, rule.Verbs), "rules[" + i.ToString(CultureInfo.InvariantCulture) + "]");
            }
        }
    }
}
