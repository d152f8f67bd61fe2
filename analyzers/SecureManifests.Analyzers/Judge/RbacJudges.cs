using System.Collections.Generic;
using SecureManifests.Analyzers.Parse;
using SecureManifests.Rules;
using SecureManifests.Rules.Semantics;

namespace SecureManifests.Analyzers.Judge;

/// <summary>
/// RBAC (SM30xx) on policy rules, role references and subjects. A rule is judged as the API server matches it
/// (<see cref="PolicyRuleLists"/>), from its three lists written in one initializer; each finding is reported at
/// the list the engine reports too (resources or verbs).
/// </summary>
internal static class RbacJudges
{
    public static void Register(JudgeTable table)
    {
        table.Add(ModelKind.PolicyRule, "ApiGroups", JudgeWildcard);
        table.Add(ModelKind.PolicyRule, "Resources", JudgeWildcard);
        table.Add(ModelKind.PolicyRule, "Verbs", JudgeWildcard);
        table.Add(ModelKind.PolicyRule, "Resources", JudgeResources);
        table.Add(ModelKind.PolicyRule, "Verbs", JudgeVerbs);
        table.Add(ModelKind.RoleRef, "Name", JudgeRoleRef);
        table.Add(ModelKind.Subject, "Name", JudgeSubject);
    }

    private static void JudgeWildcard(Setting setting, Verdicts verdicts)
    {
        if (setting.Elements().TryElements(out var elements) && Contains(elements, PolicyRuleLists.Wildcard))
        {
            verdicts.Add(RuleIds.WildcardRbacRule, setting, Judging.Describe(setting, Judging.Quote(PolicyRuleLists.Wildcard)));
        }
    }

    /// <summary>SM3006, SM3007 and SM3012: what the rule grants on the resources it lists.</summary>
    private static void JudgeResources(Setting setting, Verdicts verdicts)
    {
        if (!TryRead(setting, out var rule))
        {
            return;
        }

        var creatable = RbacRisks.PodCreatingResourcesGranted(rule);
        if (creatable.Count > 0)
        {
            verdicts.Add(RuleIds.WorkloadCreationAccess, setting, Judging.Describe(setting, Judging.List(creatable)));
        }

        var exec = RbacRisks.ExecSubresourcesGranted(rule);
        if (exec.Count > 0)
        {
            verdicts.Add(RuleIds.PodExecAccess, setting, Judging.Describe(setting, Judging.List(exec)));
        }

        foreach (var grant in RbacRisks.EscalationResourcesGranted(rule))
        {
            verdicts.Add(RuleIds.RbacEscalationResource, setting, Judging.Describe(setting, Judging.Quote(grant.Resource)) + " with " + string.Join(", ", grant.Verbs));
        }
    }

    /// <summary>SM3005 and SM3008: the verbs that read secrets or escalate.</summary>
    private static void JudgeVerbs(Setting setting, Verdicts verdicts)
    {
        if (setting.Elements().TryAllStrings(out var verbs))
        {
            var escalation = RbacRisks.EscalationVerbsNamed(new PolicyRuleLists(null, null, verbs));
            if (escalation.Count > 0)
            {
                verdicts.Add(RuleIds.RbacEscalationVerb, setting, Judging.Describe(setting, Judging.List(escalation)));
            }
        }

        if (TryRead(setting, out var rule))
        {
            var secretVerbs = RbacRisks.SecretReadVerbsAllowed(rule);
            if (secretVerbs.Count > 0)
            {
                verdicts.Add(RuleIds.SecretsAccess, setting, Judging.Describe(setting, Judging.List(secretVerbs)) + " on \"secrets\"");
            }
        }
    }

    private static void JudgeRoleRef(Setting setting, Verdicts verdicts)
    {
        var kind = Judging.SiblingString(setting, "Kind", out _);
        Judging.IfString(setting, name => RbacBindings.IsPowerfulClusterRole(kind, name), RuleIds.ClusterAdminBinding, verdicts);
    }

    private static void JudgeSubject(Setting setting, Verdicts verdicts)
    {
        var kind = Judging.SiblingString(setting, "Kind", out _);
        if (setting.Scalar().TryString(out var name) && name is not null
            && (RbacBindings.IsBroadSubject(kind, name) || RbacBindings.IsDefaultServiceAccount(kind, name)))
        {
            verdicts.Add(RuleIds.RiskyBindingSubject, setting, Judging.Describe(setting, Judging.Quote(name)), subject: name);
        }
    }

    /// <summary>The whole rule, when its three lists are known (an unset list matches nothing).</summary>
    private static bool TryRead(Setting setting, out PolicyRuleLists rule)
    {
        rule = default;
        if (!Read(setting, "ApiGroups", out var groups) || !Read(setting, "Resources", out var resources) || !Read(setting, "Verbs", out var verbs))
        {
            return false;
        }

        rule = new PolicyRuleLists(groups, resources, verbs);
        return true;
    }

    private static bool Read(Setting setting, string property, out List<string>? values)
    {
        if (setting.Property == property)
        {
            var known = setting.Elements().TryAllStrings(out var own);
            values = own;
            return known;
        }

        return Judging.TrySiblingStrings(setting, property, out values);
    }

    private static bool Contains(IReadOnlyList<string?> elements, string value)
    {
        foreach (var element in elements)
        {
            if (element == value)
            {
                return true;
            }
        }

        return false;
    }
}
