namespace SecureManifests.Rules.Checks;

/// <summary>
/// Which kinds live in a namespace. Built-in kinds are known by name; a kind in neither list (a CRD
/// instance, say) is treated as namespaced only when its object names a namespace. Public so that the CLI's
/// <c>--namespace</c> and the rules agree on one list.
/// </summary>
public static class KindScopes
{
    /// <summary>The cluster-scoped kinds of the Kubernetes API.</summary>
    public static readonly IReadOnlySet<string> ClusterScoped = new HashSet<string>(StringComparer.Ordinal)
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
    public static readonly IReadOnlySet<string> Namespaced = new HashSet<string>(StringComparer.Ordinal)
    {
        "Binding", "ConfigMap", "ControllerRevision", "CronJob", "CSIStorageCapacity", "DaemonSet", "Deployment",
        "Endpoints", "EndpointSlice", "Event", "HorizontalPodAutoscaler", "Ingress", "Job", "Lease", "LimitRange",
        "LocalSubjectAccessReview", "NetworkPolicy", "PersistentVolumeClaim", "Pod", "PodDisruptionBudget",
        "PodTemplate", "ReplicaSet", "ReplicationController", "ResourceClaim", "ResourceClaimTemplate",
        "ResourceQuota", "Role", "RoleBinding", "Secret", "Service", "ServiceAccount", "StatefulSet",
    };
}
