namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM4009 (opt-in): every pod-running object must be selected by a NetworkPolicy of its namespace whose
/// effective policyTypes include Egress, so its outgoing connections are limited.
/// </summary>
internal sealed class EgressNotRestrictedRule : ISetRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.EgressNotRestricted;

    /// <inheritdoc />
    public void Check(IReadOnlyList<RuleTarget> targets, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(context);
        NetworkPolicyCoverage.ForEachUncovered(targets, PolicyDirection.Egress, (t, ns) =>
            context.Report(t, t.PodMetadataPath + ".labels",
                $"no NetworkPolicy in namespace {ns} restricts the egress of the pods of {t.Description} ({t.PodMetadataPath}.labels): " +
                "add a NetworkPolicy with policyTypes: [Egress] that selects them and allows only the destinations they need"));
    }
}
