using SecureManifests.Rules;

namespace SecureManifests.Admission;

/// <summary>
/// Generates the ValidatingAdmissionPolicies of a profile from the catalogue: one policy and one binding per
/// per-object rule that a CEL family covers. Cross-object rules are not admission rules: admission sees one object.
/// </summary>
internal static class AdmissionPolicyGenerator
{
    /// <summary>Why a cross-object rule has no policy.</summary>
    public const string CrossObjectReason = "cross-object: admission sees one object at a time";

    /// <summary>Why a per-object rule has no policy yet.</summary>
    public const string NotYetReason = "per-object, not yet expressed in CEL";

    /// <summary>Why a rule has no policy at an old PSS version.</summary>
    public const string NotAtVersionReason = "not checked at this PSS version";

    private static readonly HashSet<string> PerObjectRules =
        new(BuiltInRules.ObjectRules.Select(r => r.RuleId), StringComparer.Ordinal);

    /// <summary>The policies of <paramref name="profile"/> at <paramref name="version"/>.</summary>
    /// <param name="profile">Which rules.</param>
    /// <param name="version">The PSS version the Pod Security rules judge by.</param>
    /// <param name="action">The action of every binding; null for the default (deny errors, warn the rest).</param>
    /// <param name="scope">The namespaces the bindings select; null for every namespace (the CLI).</param>
    public static AdmissionPolicySet Generate(RuleProfile profile, PssVersion version, AdmissionAction? action = null, AdmissionScope? scope = null)
    {
        var policies = new List<AdmissionPolicy>();
        var uncovered = new List<UncoveredRule>();
        foreach (var rule in RuleCatalog.All)
        {
            if (!rule.IsInProfile(profile))
            {
                continue;
            }

            if (!PerObjectRules.Contains(rule.Id))
            {
                uncovered.Add(new UncoveredRule(rule, CrossObjectReason));
                continue;
            }

            if (Family(rule.Id, profile, version) is not { } family)
            {
                uncovered.Add(new UncoveredRule(rule, NotYetReason));
                continue;
            }

            if (family.Validations.Count == 0)
            {
                uncovered.Add(new UncoveredRule(rule, NotAtVersionReason + " (" + version + ")"));
                continue;
            }

            var namespaces = scope?.BoundNamespaces(rule.Id, family.Target.ExemptByNamespace);
            if (namespaces is { Count: 0 })
            {
                uncovered.Add(new UncoveredRule(rule, AdmissionScope.WaivedEverywhereReason));
                continue;
            }

            var name = scope?.NameOf(rule.Id);
            policies.Add(new AdmissionPolicy(
                rule,
                AdmissionPolicyBuilder.Policy(rule, family.Target, family.Validations, profile, version, name),
                AdmissionPolicyBuilder.Binding(rule, family.Target, action ?? AdmissionPolicyBuilder.DefaultAction(rule), profile, version, namespaces, name)));
        }

        return new AdmissionPolicySet(profile, version, policies, uncovered);
    }

    // The family that covers the rule: what it matches and its validations.
    private static (AdmissionTarget Target, IReadOnlyList<CelValidation> Validations)? Family(string ruleId, RuleProfile profile, PssVersion version)
    {
        if (PodSecurityCel.For(ruleId, profile, version) is { } podSecurity)
        {
            return (AdmissionTarget.PodSpecs, podSecurity);
        }

        if (WorkloadCel.For(ruleId) is { } workload)
        {
            return (AdmissionTarget.PodSpecs, workload);
        }

        if (RbacCel.For(ruleId) is { } rbac)
        {
            return rbac;
        }

        if (ObjectCel.For(ruleId) is { } other)
        {
            return other;
        }

        return null;
    }
}
