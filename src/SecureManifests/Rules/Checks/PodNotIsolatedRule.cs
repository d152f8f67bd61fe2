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
    public void Check(IReadOnlyList<RuleTarget> targets, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(context);
        NetworkPolicyCoverage.ForEachUncovered(targets, PolicyDirection.Ingress, (t, ns) =>
            context.Report(t, t.PodMetadataPath + ".labels",
                $"no NetworkPolicy in namespace {ns} selects the pods of {t.Description} ({t.PodMetadataPath}.labels) for Ingress: " +
                "add a default-deny NetworkPolicy (podSelector: {}, policyTypes: [Ingress, Egress]) and explicit allow rules"));
    }
}
