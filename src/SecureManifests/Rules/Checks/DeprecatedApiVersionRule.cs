using System.Collections.Frozen;

namespace SecureManifests.Rules.Checks;

/// <summary>SM2014: no removed or deprecated apiVersion. The message names the stable replacement.</summary>
internal sealed class DeprecatedApiVersionRule : IObjectRule
{
    // apiVersion -> replacement; kind-specific replacements are handled in Replacement().
    private static readonly FrozenDictionary<string, string> Deprecated = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["extensions/v1beta1"] = "apps/v1",
        ["apps/v1beta1"] = "apps/v1",
        ["apps/v1beta2"] = "apps/v1",
        ["policy/v1beta1"] = "policy/v1",
        ["batch/v1beta1"] = "batch/v1",
        ["batch/v2alpha1"] = "batch/v1",
        ["networking.k8s.io/v1beta1"] = "networking.k8s.io/v1",
        ["rbac.authorization.k8s.io/v1beta1"] = "rbac.authorization.k8s.io/v1",
        ["rbac.authorization.k8s.io/v1alpha1"] = "rbac.authorization.k8s.io/v1",
        ["storage.k8s.io/v1beta1"] = "storage.k8s.io/v1",
        ["scheduling.k8s.io/v1beta1"] = "scheduling.k8s.io/v1",
        ["scheduling.k8s.io/v1alpha1"] = "scheduling.k8s.io/v1",
        ["admissionregistration.k8s.io/v1beta1"] = "admissionregistration.k8s.io/v1",
        ["apiextensions.k8s.io/v1beta1"] = "apiextensions.k8s.io/v1",
        ["apiregistration.k8s.io/v1beta1"] = "apiregistration.k8s.io/v1",
        ["autoscaling/v2beta1"] = "autoscaling/v2",
        ["autoscaling/v2beta2"] = "autoscaling/v2",
        ["certificates.k8s.io/v1beta1"] = "certificates.k8s.io/v1",
        ["coordination.k8s.io/v1beta1"] = "coordination.k8s.io/v1",
        ["discovery.k8s.io/v1beta1"] = "discovery.k8s.io/v1",
        ["events.k8s.io/v1beta1"] = "events.k8s.io/v1",
        ["node.k8s.io/v1beta1"] = "node.k8s.io/v1",
        ["node.k8s.io/v1alpha1"] = "node.k8s.io/v1",
        ["flowcontrol.apiserver.k8s.io/v1beta1"] = "flowcontrol.apiserver.k8s.io/v1",
        ["flowcontrol.apiserver.k8s.io/v1beta2"] = "flowcontrol.apiserver.k8s.io/v1",
        ["flowcontrol.apiserver.k8s.io/v1beta3"] = "flowcontrol.apiserver.k8s.io/v1",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <inheritdoc />
    public string RuleId => RuleIds.DeprecatedApiVersion;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        var apiVersion = target.ApiVersion;
        if (apiVersion is null || !Deprecated.TryGetValue(apiVersion, out var replacement))
        {
            return;
        }

        context.Report(target, "apiVersion",
            $"apiVersion {apiVersion} of {target.Description} is removed or deprecated: {Replacement(target.Kind, replacement)}");
    }

    private static string Replacement(string kind, string byGroup) => kind switch
    {
        "PodSecurityPolicy" => "PodSecurityPolicy is removed; label the Namespace with pod-security.kubernetes.io/enforce instead",
        "Ingress" or "NetworkPolicy" or "IngressClass" => "use apiVersion networking.k8s.io/v1",
        _ => "use apiVersion " + byGroup,
    };
}
