namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM3012: a Role or ClusterRole rule that opens a known escalation path: get or create on <c>nodes/proxy</c>
/// (kubelet API, trivy KSV-0047); create on <c>serviceaccounts/token</c> (mint tokens of any account); a write verb on
/// <c>validatingwebhookconfigurations</c> or <c>mutatingwebhookconfigurations</c> (intercept or rewrite every
/// request, trivy KSV-0114); update or patch on <c>certificatesigningrequests/approval</c> (approve client
/// certificates). Wildcards count as the API server counts them.
/// </summary>
public sealed class RbacEscalationResourceRule : IObjectRule
{
    private static readonly Grant[] Grants =
    {
        new(string.Empty, "nodes/proxy", new[] { "get", "create" }, "reaches the kubelet API of every node"),
        new(string.Empty, "serviceaccounts/token", new[] { "create" }, "mints tokens for any ServiceAccount it reaches"),
        new("admissionregistration.k8s.io", "validatingwebhookconfigurations", RbacPolicyRules.WriteVerbs, "can intercept API requests"),
        new("admissionregistration.k8s.io", "mutatingwebhookconfigurations", RbacPolicyRules.WriteVerbs, "can rewrite API requests"),
        new("certificates.k8s.io", "certificatesigningrequests/approval", new[] { "update", "patch" }, "can approve client certificates"),
    };

    /// <inheritdoc />
    public string RuleId => RuleIds.RbacEscalationResource;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (rule, path) in RbacPolicyRules.Of(target))
        {
            foreach (var grant in Grants)
            {
                if (RbacPolicyRules.CoversResource(rule, grant.Group, grant.Resource) && RbacPolicyRules.AllowsAnyVerb(rule, grant.Verbs))
                {
                    context.Report(target, path + ".resources",
                        $"{path} of {target.Description} allows {RbacPolicyRules.AllowedVerbs(rule, grant.Verbs)} on {grant.Resource}, " +
                        $"which {grant.Risk}: remove it from the rule");
                }
            }
        }
    }

    private sealed record Grant(string Group, string Resource, string[] Verbs, string Risk);
}
