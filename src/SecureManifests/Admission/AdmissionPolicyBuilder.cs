using k8s.Models;
using SecureManifests.Rules;
using SecureManifests.Rules.Semantics;

namespace SecureManifests.Admission;

/// <summary>
/// Builds the ValidatingAdmissionPolicy of one rule and its binding. The binding skips namespaces labelled
/// <see cref="ExemptionLabelPrefix"/><c>&lt;ID&gt;</c>: exemptions are per namespace, never read from the object.
/// </summary>
internal static class AdmissionPolicyBuilder
{
    /// <summary>The Namespace label that exempts the namespace from one rule: <c>securemanifests.io/exempt-SM1001</c>.</summary>
    public const string ExemptionLabelPrefix = "securemanifests.io/exempt-";

    /// <summary>Prefix of every policy and binding name: <c>securemanifests-sm1001</c>.</summary>
    public const string NamePrefix = "securemanifests-";

    private const string ApiVersion = "admissionregistration.k8s.io/v1";

    /// <summary>The exemption label of <paramref name="ruleId"/>.</summary>
    public static string ExemptionLabel(string ruleId) => ExemptionLabelPrefix + ruleId;

    /// <summary>The name of the policy and of its binding for <paramref name="ruleId"/>.</summary>
    public static string NameOf(string ruleId) => NamePrefix + ruleId.ToLowerInvariant();

    /// <summary>The name of an app's policy and binding: <c>securemanifests-shop-sm1001</c>, apart from other apps' and the CLI's.</summary>
    public static string NameOf(string appName, string ruleId) => NamePrefix + appName + "-" + ruleId.ToLowerInvariant();

    /// <summary>The policy of <paramref name="rule"/> with its validations, matching <paramref name="target"/>.</summary>
    /// <param name="name">Its name; <see cref="NameOf(string)"/> unless given.</param>
    public static V1ValidatingAdmissionPolicy Policy(
        RuleDescriptor rule, AdmissionTarget target, IReadOnlyList<CelValidation> validations, RuleProfile profile, PssVersion version,
        string? name = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(target);
        return new V1ValidatingAdmissionPolicy
        {
            ApiVersion = ApiVersion,
            Kind = "ValidatingAdmissionPolicy",
            Metadata = Metadata(rule, profile, version, name ?? NameOf(rule.Id)),
            Spec = new V1ValidatingAdmissionPolicySpec
            {
                FailurePolicy = "Fail",
                MatchConstraints = new V1MatchResources { ResourceRules = target.ResourceRules(), ExcludeResourceRules = target.ExcludeResourceRules() },
                MatchConditions = target.MatchConditions.Count == 0
                    ? null
                    : target.MatchConditions.Select(m => new V1MatchCondition { Name = m.Name, Expression = m.Expression }).ToList(),
                Variables = target.Variables.Count == 0
                    ? null
                    : target.Variables.Select(v => new V1Variable { Name = v.Name, Expression = v.Expression }).ToList(),
                Validations = validations.Select(v => new V1Validation
                {
                    Expression = v.Expression,
                    Message = v.Message,
                    Reason = "Forbidden",
                }).ToList(),
            },
        };
    }

    /// <summary>
    /// The binding of the policy of <paramref name="rule"/>: every namespace without the exemption label, or only
    /// <paramref name="namespaces"/> (an app's, selected by <c>kubernetes.io/metadata.name</c>) when given.
    /// </summary>
    /// <param name="name">Its name and its policy's; <see cref="NameOf(string)"/> unless given.</param>
    public static V1ValidatingAdmissionPolicyBinding Binding(
        RuleDescriptor rule, AdmissionTarget target, AdmissionAction action, RuleProfile profile, PssVersion version,
        IReadOnlyList<string>? namespaces = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(target);
        if (namespaces is { Count: 0 })
        {
            throw new ArgumentException("a binding scoped to namespaces needs at least one: an In selector must list values", nameof(namespaces));
        }

        var selection = new List<V1LabelSelectorRequirement>(2);
        if (namespaces is not null)
        {
            // The API server sets this label to the Namespace's name on every create and update, so neither a
            // namespace nor a Namespace object can choose to be selected or not.
            selection.Add(new V1LabelSelectorRequirement { Key = Namespaces.NameLabel, OperatorProperty = SelectorOperators.In, Values = [.. namespaces] });
        }

        if (target.ExemptByNamespace)
        {
            selection.Add(new V1LabelSelectorRequirement { Key = ExemptionLabel(rule.Id), OperatorProperty = SelectorOperators.DoesNotExist });
        }

        return new V1ValidatingAdmissionPolicyBinding
        {
            ApiVersion = ApiVersion,
            Kind = "ValidatingAdmissionPolicyBinding",
            Metadata = Metadata(rule, profile, version, name ?? NameOf(rule.Id)),
            Spec = new V1ValidatingAdmissionPolicyBindingSpec
            {
                PolicyName = name ?? NameOf(rule.Id),
                ValidationActions = [action.ToString()],
                MatchResources = selection.Count == 0
                    ? null
                    : new V1MatchResources { NamespaceSelector = new V1LabelSelector { MatchExpressions = selection } },
            },
        };
    }

    /// <summary>The <c>app.kubernetes.io/name</c> of every policy and binding.</summary>
    public const string PolicyAppName = "securemanifests-admission";

    /// <summary>The action for a rule when none is given: deny errors, warn about the rest.</summary>
    public static AdmissionAction DefaultAction(RuleDescriptor rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.DefaultSeverity == RuleSeverity.Error ? AdmissionAction.Deny : AdmissionAction.Warn;
    }

    private static V1ObjectMeta Metadata(RuleDescriptor rule, RuleProfile profile, PssVersion version, string name) => new()
    {
        Name = name,
        Labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // The recommended labels, as on every object the SDK writes (lint's SM2017 asks for the name).
            [Model.RecommendedLabels.Name] = PolicyAppName,
            [Model.RecommendedLabels.ManagedBy] = Model.RecommendedLabels.ManagedByValue,
            ["securemanifests.io/rule"] = rule.Id,
        },
        Annotations = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["securemanifests.io/rule-name"] = rule.Name,
            ["securemanifests.io/profile"] = profile.ToString().ToLowerInvariant(),
            ["securemanifests.io/pss-version"] = version.ToString(),
            ["securemanifests.io/help"] = rule.HelpUri,
        },
    };
}
