using SecureManifests.Rules.Semantics;
using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>SM3004: a Role or ClusterRole rule with <c>*</c> in verbs, resources or apiGroups.</summary>
internal sealed class WildcardRbacRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.WildcardRbacRule;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (rule, path) in RbacPolicyRules.Of(target))
        {
            Check(target, context, rule.ApiGroups, path + ".apiGroups", "API groups");
            Check(target, context, rule.Resources, path + ".resources", "resources");
            Check(target, context, rule.Verbs, path + ".verbs", "verbs");
        }
    }

    private static void Check(RuleTarget target, RuleContext context, IList<string>? values, string path, string what)
    {
        if (PolicyRuleLists.HasWildcard(values))
        {
            context.Report(target, path,
                $"{path} of {target.Description} contains '*', which grants every {what.TrimEnd('s')} present and future: list the {what} needed instead");
        }
    }
}
