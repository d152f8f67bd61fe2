namespace SecureManifests.Rules.Checks;

/// <summary>SM2010: the pod spec uses <c>serviceAccountName</c>, not the deprecated <c>serviceAccount</c>.</summary>
internal sealed class DeprecatedServiceAccountFieldRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.DeprecatedServiceAccountField;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        var account = target.PodSpec?.ServiceAccount;
        if (!string.IsNullOrEmpty(account))
        {
            context.Report(target, target.PodSpecPath + ".serviceAccount",
                $"serviceAccount '{account}' in the pod spec of {target.Description} is deprecated: use serviceAccountName: {account}");
        }
    }
}
