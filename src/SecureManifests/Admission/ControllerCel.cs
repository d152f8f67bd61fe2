using SecureManifests.Rules;
using SecureManifests.Rules.Semantics;

namespace SecureManifests.Admission;

/// <summary>
/// The CEL of the rules on controllers of pods: SM2008 (the selector selects the pod template's labels, matched as
/// <see cref="LabelSelectors"/> matches them) and SM2013 (a Job not owned by a CronJob sets ttlSecondsAfterFinished).
/// One comprehension over the selector's labels or requirements; value lists are tested with <c>in</c>.
/// </summary>
internal static class ControllerCel
{
    private const string Labels = "variables.templateLabels";

    // The kinds whose selector must be set and non-empty (apps/v1); a Job's is optional, a ReplicationController's a map.
    private static readonly string[] SelectorRequired = ["DaemonSet", "Deployment", "ReplicaSet", "StatefulSet"];

    private const string Job = "Job";
    private const string ReplicationController = "ReplicationController";

    // A Job owned by a CronJob is cleaned up by the CronJob's history limits.
    private const string CronJob = "CronJob";

    /// <summary>The controllers SM2008 judges, with the labels of their pod template (an empty map when unset).</summary>
    public static AdmissionTarget Controllers { get; } = new(
        AdmissionTarget.ByGroup(PodSpecResources.Selecting),
        [],
        [("templateLabels", "(" + Cel.Has("object", "spec.template.metadata.labels") + ") ? object.spec.template.metadata.labels : {}")]);

    /// <summary>Jobs.</summary>
    public static AdmissionTarget Jobs { get; } = new([(PodSpecResources.Batch, [PodSpecResources.Jobs])], [], []);

    /// <summary>The target and validations of <paramref name="ruleId"/>, or null when this family does not cover it.</summary>
    public static (AdmissionTarget Target, IReadOnlyList<CelValidation> Validations)? For(string ruleId) => ruleId switch
    {
        RuleIds.SelectorMismatch => (Controllers,
        [
            CelValidation.Of(ruleId,
                "!(object.kind in " + Cel.List(SelectorRequired) + ") || (" + Cel.Has("object", "spec.selector") + " && (" +
                NonEmpty("object.spec.selector.matchLabels") + " || " + NonEmpty("object.spec.selector.matchExpressions") + "))",
                "spec.selector", "must be set and not empty: set spec.selector.matchLabels to the pod template's labels"),
            CelValidation.Of(ruleId,
                "!(object.kind in " + Cel.List([.. SelectorRequired, Job]) + ") || !(" + Cel.Has("object", "spec.selector") + ") || " +
                Selects("object.spec.selector"),
                "spec.selector", "must select the pod template's labels (spec.template.metadata.labels)"),
            CelValidation.Of(ruleId,
                "object.kind != " + Cel.Str(ReplicationController) + " || !(" + Cel.Has("object", "spec.selector") + ") || " +
                MatchesAll("object.spec.selector"),
                "spec.selector", "must select the pod template's labels (spec.template.metadata.labels)"),
        ]),
        RuleIds.JobWithoutTtl => (Jobs,
        [
            CelValidation.Of(ruleId,
                "(" + Cel.Has("object", "spec.ttlSecondsAfterFinished") + ") || (" + Cel.Has("object", "metadata.ownerReferences") +
                " && object.metadata.ownerReferences.exists(o, " + Cel.IsSet("o", "kind", "== " + Cel.Str(CronJob)) + "))",
                "spec.ttlSecondsAfterFinished", "must be set on a Job that no CronJob owns (for example 3600)"),
        ]),
        _ => null,
    };

    private static string NonEmpty(string map) => "(has(" + map + ") && size(" + map + ") > 0)";

    // LabelSelectors.Matches(V1LabelSelector, labels): every matchLabels pair and every requirement holds.
    private static string Selects(string selector) =>
        "(!has(" + selector + ".matchLabels) || " + MatchesAll(selector + ".matchLabels") + ") && " +
        "(!has(" + selector + ".matchExpressions) || " + selector + ".matchExpressions.all(e, " + Requirement("e") + "))";

    // Every key of the equality map has the same value among the labels.
    private static string MatchesAll(string map) => map + ".all(k, k in " + Labels + " && " + Labels + "[k] == " + map + "[k])";

    // LabelSelectors' requirement: In, NotIn, Exists, DoesNotExist; an unknown operator matches nothing.
    private static string Requirement(string e)
    {
        var has = "(has(" + e + ".key) && " + e + ".key in " + Labels + ")";
        var inValues = "(has(" + e + ".values) && " + Labels + "[" + e + ".key] in " + e + ".values)";
        return "has(" + e + ".operator) && (" +
               e + ".operator == " + Cel.Str(SelectorOperators.In) + " ? " + has + " && " + inValues + " : " +
               e + ".operator == " + Cel.Str(SelectorOperators.NotIn) + " ? !" + has + " || !" + inValues + " : " +
               e + ".operator == " + Cel.Str(SelectorOperators.Exists) + " ? " + has + " : " +
               e + ".operator == " + Cel.Str(SelectorOperators.DoesNotExist) + " ? !" + has + " : false)";
    }
}
