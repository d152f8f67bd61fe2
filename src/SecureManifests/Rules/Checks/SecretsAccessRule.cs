namespace SecureManifests.Rules.Checks;

/// <summary>SM3005: a Role or ClusterRole rule that allows get, list or watch (or <c>*</c>) on core <c>secrets</c>.</summary>
public sealed class SecretsAccessRule : IObjectRule
{
    private static readonly string[] ReadVerbs = { "get", "list", "watch" };

    /// <inheritdoc />
    public string RuleId => RuleIds.SecretsAccess;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (rule, path) in RbacPolicyRules.Of(target))
        {
            if (RbacPolicyRules.CoversResource(rule, string.Empty, "secrets") && RbacPolicyRules.AllowsAnyVerb(rule, ReadVerbs))
            {
                context.Report(target, path + ".verbs",
                    $"{path} of {target.Description} allows {RbacPolicyRules.AllowedVerbs(rule, ReadVerbs)} on secrets, which reveals every " +
                    "credential the rule reaches: mount the Secrets the workload needs as volumes instead of reading them through the API");
            }
        }
    }
}
