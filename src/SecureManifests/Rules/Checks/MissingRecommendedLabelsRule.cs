namespace SecureManifests.Rules.Checks;

/// <summary>SM2017 (opt-in): every object carries <c>app.kubernetes.io/name</c>.</summary>
internal sealed class MissingRecommendedLabelsRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.MissingRecommendedLabels;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        if (target.Metadata is null)
        {
            return;
        }

        if (target.Metadata.Labels is null || !target.Metadata.Labels.TryGetValue(Semantics.RecommendedLabels.Name, out var value) || string.IsNullOrEmpty(value))
        {
            context.Report(target, "metadata.labels",
                $"{target.Description} has no {Semantics.RecommendedLabels.Name} label: add it, with the other recommended app.kubernetes.io labels");
        }
    }
}
