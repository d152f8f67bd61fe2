using SecureManifests.Rules.Semantics;
using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM4007: a Namespace must carry <c>pod-security.kubernetes.io/enforce</c> set to <c>baseline</c> or <c>restricted</c>,
/// so Pod Security Admission rejects pods that break the standard however they are created.
/// </summary>
internal sealed class NamespaceWithoutPodSecurityRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.NamespaceWithoutPodSecurity;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        if (target.Source is not V1Namespace)
        {
            return;
        }

        string? level = null;
        target.Metadata?.Labels?.TryGetValue(Namespaces.PodSecurityEnforceLabel, out level);
        if (Namespaces.IsEnforcingLevel(level))
        {
            return;
        }

        var state = level is null ? "is not set" : "is '" + level + "'";
        context.Report(target, "metadata.labels[" + Namespaces.PodSecurityEnforceLabel + "]",
            $"label {Namespaces.PodSecurityEnforceLabel} of {target.Description} {state}: set it to restricted (or at least baseline)");
    }
}
