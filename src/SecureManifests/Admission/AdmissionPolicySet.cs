using k8s;
using k8s.Models;
using SecureManifests.Rules;

namespace SecureManifests.Admission;

/// <summary>The policy of one rule and its binding.</summary>
internal sealed record AdmissionPolicy(
    RuleDescriptor Rule, V1ValidatingAdmissionPolicy Policy, V1ValidatingAdmissionPolicyBinding Binding)
{
    /// <summary>
    /// The Namespace label that exempts a namespace from this policy, or null when the binding has none (SM4007's).
    /// Read from the binding, so it cannot disagree with what the cluster is told.
    /// </summary>
    public string? ExemptionLabel =>
        Binding.Spec.MatchResources?.NamespaceSelector?.MatchExpressions?.Any(e => e.Key == AdmissionPolicyBuilder.ExemptionLabel(Rule.Id)) == true
            ? AdmissionPolicyBuilder.ExemptionLabel(Rule.Id)
            : null;
}

/// <summary>A rule of the profile that no policy enforces, and why.</summary>
internal sealed record UncoveredRule(RuleDescriptor Rule, string Reason);

/// <summary>
/// What <see cref="AdmissionPolicyGenerator"/> made for one profile and PSS version: a policy per covered rule, in
/// catalogue order, and the rules left out with their reasons. A CEL evaluator can run fixtures through
/// <see cref="Policies"/> directly (policy, then binding), without reading YAML back.
/// </summary>
internal sealed class AdmissionPolicySet
{
    public AdmissionPolicySet(RuleProfile profile, PssVersion version, IReadOnlyList<AdmissionPolicy> policies, IReadOnlyList<UncoveredRule> uncovered)
    {
        Profile = profile;
        Version = version;
        Policies = policies;
        Uncovered = uncovered;
    }

    public RuleProfile Profile { get; }

    public PssVersion Version { get; }

    public IReadOnlyList<AdmissionPolicy> Policies { get; }

    public IReadOnlyList<UncoveredRule> Uncovered { get; }

    /// <summary>Covered rules whose policy leaves part of the engine's check out, and which part.</summary>
    public IReadOnlyList<UncoveredRule> Gaps { get; init; } = [];

    /// <summary>Every object to apply: each policy followed by its binding.</summary>
    public IEnumerable<IKubernetesObject> Objects()
    {
        foreach (var p in Policies)
        {
            yield return p.Policy;
            yield return p.Binding;
        }
    }
}
