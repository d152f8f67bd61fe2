using SecureManifests.Rules;

namespace SecureManifests.Admission;

/// <summary>
/// Generates the ValidatingAdmissionPolicies of a profile from the catalogue: one policy and one binding per
/// per-object rule that a CEL family covers. Cross-object rules are not admission rules: admission sees one object;
/// the few per-object rules that admission cannot judge honestly say why.
/// </summary>
internal static class AdmissionPolicyGenerator
{
    /// <summary>Why a cross-object rule has no policy.</summary>
    public const string CrossObjectReason = "cross-object: admission sees one object at a time";

    /// <summary>Why a rule has no policy at an old PSS version.</summary>
    public const string NotAtVersionReason = "not checked at this PSS version";

    /// <summary>Why SM2007 has no policy.</summary>
    public const string DuplicateEnvReason =
        "uniqueness of env names within a container needs containers, then env, then a second pass over env: a third nested comprehension";

    /// <summary>Why SM2010 has no policy.</summary>
    public const string DeprecatedServiceAccountReason =
        "the API server sets serviceAccount from serviceAccountName whenever it converts a pod spec (Convert_core_PodSpec_To_v1_PodSpec), " +
        "so at admission the deprecated field is set on every pod that names an account, whoever wrote it";

    /// <summary>Why SM2014 has no policy.</summary>
    public const string DeprecatedApiVersionReason =
        "a removed apiVersion never reaches admission (the API server does not serve it), and a deprecated one that is still served is " +
        "converted before admission and answered with the API server's own deprecation warning";

    /// <summary>Why SM2018 has no policy.</summary>
    public const string UnknownFieldReason =
        "admission sees the object the API server decoded, and decoding has already dropped (or, under strict field validation, refused) " +
        "every field the schema does not have";

    // The per-object rules admission cannot judge as the engine does, and why.
    private static readonly Dictionary<string, string> NotAdmissionRules = new(StringComparer.Ordinal)
    {
        [RuleIds.DuplicateEnvVar] = DuplicateEnvReason,
        [RuleIds.DeprecatedServiceAccountField] = DeprecatedServiceAccountReason,
        [RuleIds.DeprecatedApiVersion] = DeprecatedApiVersionReason,
        [RuleIds.UnknownField] = UnknownFieldReason,
    };

    // What a covered rule's policy leaves out of the engine's check.
    private static readonly Dictionary<string, string> GapsOf = new(StringComparer.Ordinal)
    {
        [RuleIds.SecretVolumeWorldReadable] = SecretCel.ProjectedSecretItemModesGap,
    };

    private static readonly HashSet<string> PerObjectRules =
        new(BuiltInRules.ObjectRules.Select(r => r.RuleId), StringComparer.Ordinal);

    /// <summary>The policies of <paramref name="profile"/> at <paramref name="version"/>.</summary>
    /// <param name="profile">Which rules.</param>
    /// <param name="version">The PSS version the Pod Security rules judge by.</param>
    /// <param name="action">The action of every binding; null for the default (deny errors, warn the rest).</param>
    /// <param name="scope">The namespaces the bindings select; null for every namespace (the CLI).</param>
    /// <exception cref="InvalidOperationException">A per-object rule has neither a CEL family nor a reason: a bug of the catalogue.</exception>
    public static AdmissionPolicySet Generate(RuleProfile profile, PssVersion version, AdmissionAction? action = null, AdmissionScope? scope = null)
    {
        var policies = new List<AdmissionPolicy>();
        var uncovered = new List<UncoveredRule>();
        var gaps = new List<UncoveredRule>();
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

            if (NotAdmissionRules.TryGetValue(rule.Id, out var reason))
            {
                uncovered.Add(new UncoveredRule(rule, reason));
                continue;
            }

            var family = Family(rule.Id, profile, version)
                ?? throw new InvalidOperationException(rule.Id + " is a per-object rule with no CEL family and no reason to have none.");
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

            if (GapsOf.TryGetValue(rule.Id, out var gap))
            {
                gaps.Add(new UncoveredRule(rule, gap));
            }

            var name = scope?.NameOf(rule.Id);
            policies.Add(new AdmissionPolicy(
                rule,
                AdmissionPolicyBuilder.Policy(rule, family.Target, family.Validations, profile, version, name),
                AdmissionPolicyBuilder.Binding(rule, family.Target, action ?? AdmissionPolicyBuilder.DefaultAction(rule), profile, version, namespaces, name)));
        }

        return new AdmissionPolicySet(profile, version, policies, uncovered) { Gaps = gaps };
    }

    // The family that covers the rule: what it matches and its validations.
    private static (AdmissionTarget Target, IReadOnlyList<CelValidation> Validations)? Family(string ruleId, RuleProfile profile, PssVersion version)
    {
        if ((PodSecurityCel.For(ruleId, profile, version) ?? WorkloadCel.For(ruleId) ?? ImageCel.For(ruleId) ?? PortCel.For(ruleId)) is { } podSpec)
        {
            return (AdmissionTarget.PodSpecs, podSpec);
        }

        return SecretCel.For(ruleId) ?? ControllerCel.For(ruleId) ?? RbacCel.For(ruleId) ?? NetworkCel.For(ruleId) ??
               ObjectCel.For(ruleId) ?? MetadataCel.For(ruleId);
    }
}
