#nullable enable
using System;
using System.Collections.Generic;

namespace SecureManifests.Rules.Semantics;

/// <summary>Removed or deprecated apiVersions and their stable replacements (SM2014).</summary>
internal static class DeprecatedApis
{
    // apiVersion -> replacement by group; kind-specific replacements are in Replacement().
    private static readonly Dictionary<string, string> ByApiVersion = new(StringComparer.Ordinal)
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
    };

    /// <summary>What to use instead of <paramref name="apiVersion"/> for <paramref name="kind"/>; null when it is current.</summary>
    public static string? Replacement(string? apiVersion, string kind)
    {
        if (apiVersion is null || !ByApiVersion.TryGetValue(apiVersion, out var byGroup))
        {
            return null;
        }

        return kind switch
        {
            "PodSecurityPolicy" => "PodSecurityPolicy is removed; label the Namespace with " + Namespaces.PodSecurityEnforceLabel + " instead",
            "Ingress" or "NetworkPolicy" or "IngressClass" => "use apiVersion networking.k8s.io/v1",
            _ => "use apiVersion " + byGroup,
        };
    }
}
