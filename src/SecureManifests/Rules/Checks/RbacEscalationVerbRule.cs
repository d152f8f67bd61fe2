using SecureManifests.Rules.Semantics;
namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM3008: a Role or ClusterRole rule that names the verb <c>escalate</c>, <c>bind</c> or <c>impersonate</c>.
/// A <c>*</c> verb grants them too, but that is SM3004's finding and is not repeated here.
/// </summary>
internal sealed class RbacEscalationVerbRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.RbacEscalationVerb;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (rule, path) in RbacPolicyRules.Of(target))
        {
            var named = RbacRisks.EscalationVerbsNamed(rule);
            if (named.Count > 0)
            {
                context.Report(target, path + ".verbs",
                    $"{path}.verbs of {target.Description} contains {string.Join(", ", named)}, which lets the subject gain permissions " +
                    "it was not given: remove these verbs");
            }
        }
    }
}
