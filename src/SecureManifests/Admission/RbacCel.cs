using SecureManifests.Rules;
using SecureManifests.Rules.Semantics;

namespace SecureManifests.Admission;

/// <summary>
/// The CEL of the RBAC rules: SM3004-SM3008 and SM3012 on the rules of Roles and ClusterRoles, SM3003 and SM3009 on
/// RoleBindings and ClusterRoleBindings. Each mirrors <see cref="PolicyRuleLists"/> and <see cref="RbacRisks"/>: a
/// rule covers a resource when its apiGroups hold the group or '*' and its resources hold the resource, '*' or
/// '*/subresource'. One comprehension over the rules (or subjects); the rest is list membership.
/// </summary>
internal static class RbacCel
{
    private const string Rules = "variables.rules";
    private const string Wildcard = PolicyRuleLists.Wildcard;

    /// <summary>Roles and ClusterRoles, with their rules (an empty list when unset).</summary>
    public static AdmissionTarget Roles { get; } = new(
        [("rbac.authorization.k8s.io", ["clusterroles", "roles"])], [],
        [("rules", "has(object.rules) ? object.rules : []")]);

    /// <summary>RoleBindings and ClusterRoleBindings.</summary>
    public static AdmissionTarget Bindings { get; } = new([("rbac.authorization.k8s.io", ["clusterrolebindings", "rolebindings"])], [], []);

    /// <summary>The target and validations of <paramref name="ruleId"/>, or null when this family does not cover it.</summary>
    public static (AdmissionTarget Target, IReadOnlyList<CelValidation> Validations)? For(string ruleId) => ruleId switch
    {
        RuleIds.WildcardRbacRule => (Roles, Wildcards()),
        RuleIds.SecretsAccess => (Roles,
        [
            CelValidation.Of(ruleId, AllRules(Covers(RbacRisks.Core, RbacRisks.Secrets) + " && " + AllowsAny(RbacRisks.SecretReadVerbs)),
                "rules[*].verbs", "must not allow " + string.Join(", ", RbacRisks.SecretReadVerbs) + " or " + Wildcard + " on secrets"),
        ]),
        RuleIds.WorkloadCreationAccess => (Roles,
        [
            CelValidation.Of(ruleId,
                AllRules(AllowsAny([RbacRisks.Create]) + " && (" + string.Join(" || ", RbacRisks.PodCreating.Select(p => Covers(p.Key, p.Value))) + ")"),
                "rules[*].resources", "must not allow create on pods or any pod-creating kind"),
        ]),
        RuleIds.PodExecAccess => (Roles,
        [
            CelValidation.Of(ruleId,
                AllRules("has(r.verbs) && size(r.verbs) > 0 && (" + string.Join(" || ", RbacRisks.ExecSubresources.Select(s => Covers(RbacRisks.Core, s))) + ")"),
                "rules[*].resources", "must not grant " + string.Join(", ", RbacRisks.ExecSubresources)),
        ]),
        RuleIds.RbacEscalationVerb => (Roles,
        [
            // As the engine: the verbs named, not '*' (SM3004 reports that).
            CelValidation.Of(ruleId,
                AllRules("has(r.verbs) && (" + string.Join(" || ", RbacRisks.EscalationVerbs.Select(v => Cel.Str(v) + " in r.verbs")) + ")"),
                "rules[*].verbs", "must not contain " + string.Join(", ", RbacRisks.EscalationVerbs)),
        ]),
        RuleIds.RbacEscalationResource => (Roles,
            RbacRisks.EscalationGrants.Select(g => CelValidation.Of(ruleId,
                AllRules(Covers(g.Group, g.Resource) + " && " + AllowsAny(g.Verbs)),
                "rules[*].resources", "must not allow " + string.Join(", ", g.Verbs) + " on " + g.Resource + ", which " + g.Risk)).ToArray()),
        RuleIds.ClusterAdminBinding => (Bindings,
        [
            CelValidation.Of(ruleId,
                "!(" + Cel.IsSet("object", "roleRef.kind", "== 'ClusterRole'") + " && " +
                Cel.IsSet("object", "roleRef.name", "in " + Cel.List(RbacBindings.PowerfulClusterRoleList)) + ")",
                "roleRef.name", "must not be the ClusterRole " + string.Join(", ", RbacBindings.PowerfulClusterRoleList)),
        ]),
        RuleIds.RiskyBindingSubject => (Bindings,
        [
            CelValidation.Of(ruleId,
                "!has(object.subjects) || object.subjects.all(s, !(" +
                Cel.IsSet("s", "kind", "in ['Group', 'User']") + " && " + Cel.IsSet("s", "name", "in " + Cel.List(RbacBindings.BroadSubjectList)) + "))",
                "subjects[*].name", "must not be " + string.Join(", ", RbacBindings.BroadSubjectList)),
            CelValidation.Of(ruleId,
                "!has(object.subjects) || object.subjects.all(s, !(" +
                Cel.IsSet("s", "kind", "== 'ServiceAccount'") + " && " + Cel.IsSet("s", "name", "== " + Cel.Str(RbacBindings.DefaultServiceAccount)) + "))",
                "subjects[*].name", "must not be the ServiceAccount " + RbacBindings.DefaultServiceAccount),
        ]),
        _ => null,
    };

    private static readonly string[] WildcardFields = ["apiGroups", "resources", "verbs"];

    private static CelValidation[] Wildcards() =>
        WildcardFields.Select(f => CelValidation.Of(RuleIds.WildcardRbacRule,
            Rules + ".all(r, !(has(r." + f + ") && " + Cel.Str(Wildcard) + " in r." + f + "))",
            "rules[*]." + f, "must not contain " + Wildcard)).ToArray();

    // No rule satisfies the predicate over r.
    private static string AllRules(string grants) => Rules + ".all(r, !(" + grants + "))";

    // PolicyRuleLists.CoversResource.
    private static string Covers(string group, string resource)
    {
        var resources = new List<string> { Cel.Str(Wildcard) + " in r.resources", Cel.Str(resource) + " in r.resources" };
        var slash = resource.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            resources.Add(Cel.Str(Wildcard + resource[slash..]) + " in r.resources");
        }

        return "(has(r.apiGroups) && (" + Cel.Str(Wildcard) + " in r.apiGroups || " + Cel.Str(group) + " in r.apiGroups) && has(r.resources) && (" +
               string.Join(" || ", resources) + "))";
    }

    // PolicyRuleLists.AllowedVerbs is not empty: '*' or one of the verbs.
    private static string AllowsAny(IEnumerable<string> verbs) =>
        "(has(r.verbs) && (" + string.Join(" || ", verbs.Prepend(Wildcard).Select(v => Cel.Str(v) + " in r.verbs")) + "))";
}
