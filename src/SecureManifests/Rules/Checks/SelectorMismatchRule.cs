using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM2008: a workload's selector must select its own pod template. apps/v1 kinds must have a non-empty
/// selector; a Job or ReplicationController without one gets the template labels and is fine.
/// </summary>
internal sealed class SelectorMismatchRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.SelectorMismatch;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        var labels = target.PodMetadata?.Labels;
        switch (target.Source)
        {
            case V1Deployment { Spec: { } spec }:
                CheckRequired(target, context, spec.Selector, labels);
                break;
            case V1ReplicaSet { Spec: { } spec }:
                CheckRequired(target, context, spec.Selector, labels);
                break;
            case V1StatefulSet { Spec: { } spec }:
                CheckRequired(target, context, spec.Selector, labels);
                break;
            case V1DaemonSet { Spec: { } spec }:
                CheckRequired(target, context, spec.Selector, labels);
                break;
            case V1Job { Spec.Selector: { } selector }:
                CheckMatches(target, context, selector, labels);
                break;
            case V1ReplicationController { Spec.Selector: { Count: > 0 } selector }:
                if (!LabelSelectors.Matches(selector, labels))
                {
                    ReportMismatch(target, context);
                }

                break;
        }
    }

    private static void CheckRequired(RuleTarget target, RuleContext context, V1LabelSelector? selector, IDictionary<string, string>? labels)
    {
        if (selector is null || LabelSelectors.IsEmpty(selector))
        {
            context.Report(target, "spec.selector",
                $"spec.selector of {target.Description} is missing or empty: set spec.selector.matchLabels to the pod template's labels");
            return;
        }

        CheckMatches(target, context, selector, labels);
    }

    private static void CheckMatches(RuleTarget target, RuleContext context, V1LabelSelector selector, IDictionary<string, string>? labels)
    {
        if (!LabelSelectors.Matches(selector, labels))
        {
            ReportMismatch(target, context);
        }
    }

    private static void ReportMismatch(RuleTarget target, RuleContext context) =>
        context.Report(target, "spec.selector",
            $"spec.selector of {target.Description} does not select its own pod template ({target.PodMetadataPath}.labels): " +
            "derive the selector from the template labels");
}
