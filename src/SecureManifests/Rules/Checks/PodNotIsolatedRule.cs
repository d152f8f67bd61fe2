namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM4002: every pod-running object must be selected by a NetworkPolicy of its namespace whose effective
/// policyTypes include Ingress. Objects without a namespace are compared with policies without one.
/// </summary>
internal sealed class PodNotIsolatedRule : ISetRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.PodNotIsolated;

    /// <inheritdoc />
    public void Check(SetMember member, ObjectSetIndex index, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(context);
        if (member is PodMember { RunsPods: true } t && !index.IsIsolated(t, PolicyDirection.Ingress))
        {
            context.Report(t, t.LabelsPath,
                $"no NetworkPolicy in namespace {NetworkPolicyCoverage.NamespaceName(t)} selects the pods of {t.Description} ({t.LabelsPath}) for Ingress: " +
                "add a default-deny NetworkPolicy (podSelector: {}, policyTypes: [Ingress, Egress]) and explicit allow rules");
        }
    }
}
