using SecureManifests.Rules.Semantics;
namespace SecureManifests.Rules.Checks;

/// <summary>SM3005: a Role or ClusterRole rule that allows get, list or watch (or <c>*</c>) on core <c>secrets</c>.</summary>
internal sealed class SecretsAccessRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.SecretsAccess;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (rule, path) in RbacPolicyRules.Of(target))
        {
            var verbs = RbacRisks.SecretReadVerbsAllowed(rule);
            if (verbs.Count > 0)
            {
                context.Report(target, path + ".verbs",
                    $"{path} of {target.Description} allows {string.Join(", ", verbs)} on secrets, which reveals every " +
                    "credential the rule reaches: mount the Secrets the workload needs as volumes instead of reading them through the API");
            }
        }
    }
}
