using SecureManifests.Rules.Semantics;
namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM3012: a Role or ClusterRole rule that opens a known escalation path: get or create on <c>nodes/proxy</c>
/// (kubelet API, trivy KSV-0047); create on <c>serviceaccounts/token</c> (mint tokens of any account); a write verb on
/// <c>validatingwebhookconfigurations</c> or <c>mutatingwebhookconfigurations</c> (intercept or rewrite every
/// request, trivy KSV-0114); update or patch on <c>certificatesigningrequests/approval</c> (approve client
/// certificates). Wildcards count as the API server counts them.
/// </summary>
internal sealed class RbacEscalationResourceRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.RbacEscalationResource;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (rule, path) in RbacPolicyRules.Of(target))
        {
            foreach (var grant in RbacRisks.EscalationResourcesGranted(rule))
            {
                context.Report(target, path + ".resources",
                    $"{path} of {target.Description} allows {string.Join(", ", grant.Verbs)} on {grant.Resource}, " +
                    $"which {grant.Risk}: remove it from the rule");
            }
        }
    }
}
