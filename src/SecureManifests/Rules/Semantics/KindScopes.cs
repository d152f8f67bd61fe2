#nullable enable
using System;
using System.Collections.Generic;

namespace SecureManifests.Rules.Semantics;

/// <summary>
/// Which kinds live in a namespace. Built-in kinds are known by name; a kind in neither list (a CRD
/// instance, say) is treated as namespaced only when its object names a namespace. The CLI's <c>--namespace</c>,
/// the engine and the analyzers (SM4001) use this one list.
/// </summary>
internal static class KindScopes
{
    /// <summary>The cluster-scoped kinds of the Kubernetes API.</summary>
    private static readonly HashSet<string> ClusterScoped = new(StringComparer.Ordinal)
    {
        "APIService", "CertificateSigningRequest", "ClusterRole", "ClusterRoleBinding", "ClusterTrustBundle",
        "ComponentStatus", "CSIDriver", "CSINode", "CustomResourceDefinition", "DeviceClass", "FlowSchema",
        "IngressClass", "IPAddress", "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding",
        "MutatingWebhookConfiguration", "Namespace", "Node", "PersistentVolume", "PodSecurityPolicy",
        "PriorityClass", "PriorityLevelConfiguration", "RuntimeClass", "SelfSubjectAccessReview",
        "SelfSubjectReview", "SelfSubjectRulesReview", "ServiceCIDR", "StorageClass", "StorageVersion",
        "SubjectAccessReview", "TokenReview", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
        "ValidatingWebhookConfiguration", "VolumeAttachment", "VolumeAttributesClass",
    };

    /// <summary>The namespaced kinds of the Kubernetes API.</summary>
    private static readonly HashSet<string> Namespaced = new(StringComparer.Ordinal)
    {
        "Binding", "ConfigMap", "ControllerRevision", "CronJob", "CSIStorageCapacity", "DaemonSet", "Deployment",
        "Endpoints", "EndpointSlice", "Event", "HorizontalPodAutoscaler", "Ingress", "Job", "Lease", "LimitRange",
        "LocalSubjectAccessReview", "NetworkPolicy", "PersistentVolumeClaim", "Pod", "PodDisruptionBudget",
        "PodTemplate", "ReplicaSet", "ReplicationController", "ResourceClaim", "ResourceClaimTemplate",
        "ResourceQuota", "Role", "RoleBinding", "Secret", "Service", "ServiceAccount", "StatefulSet",
    };

    /// <summary>Whether <paramref name="kind"/> is a cluster-scoped kind of the Kubernetes API.</summary>
    public static bool IsClusterScoped(string? kind) => kind is not null && ClusterScoped.Contains(kind);

    /// <summary>Whether <paramref name="kind"/> is a namespaced kind of the Kubernetes API.</summary>
    public static bool IsNamespaced(string? kind) => kind is not null && Namespaced.Contains(kind);
}
