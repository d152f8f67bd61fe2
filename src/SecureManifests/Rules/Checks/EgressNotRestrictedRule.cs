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
    public void Check(SetMember member, ObjectSetIndex index, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(context);
        if (member is PodMember { RunsPods: true } t && !index.IsIsolated(t, PolicyDirection.Egress))
        {
            context.Report(t, t.LabelsPath,
                $"no NetworkPolicy in namespace {NetworkPolicyCoverage.NamespaceName(t)} restricts the egress of the pods of {t.Description} ({t.LabelsPath}): " +
                "add a NetworkPolicy with policyTypes: [Egress] that selects them and allows only the destinations they need");
        }
    }
}
