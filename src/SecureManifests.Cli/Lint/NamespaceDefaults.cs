using k8s;
using k8s.Models;

namespace SecureManifests.Cli.Lint;

/// <summary>
/// <c>--namespace NS</c>: objects that name no namespace are checked as if deployed with <c>kubectl apply -n NS</c>,
/// except the cluster-scoped kinds of the Kubernetes API, which have no namespace.
/// </summary>
internal static class NamespaceDefaults
{
    private static readonly HashSet<string> ClusterScopedKinds = new(StringComparer.Ordinal)
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

    public static void Apply(IEnumerable<IKubernetesObject> objects, string @namespace)
    {
        foreach (var obj in objects)
        {
            if (obj is IMetadata<V1ObjectMeta> withMetadata && !ClusterScopedKinds.Contains(obj.Kind ?? string.Empty))
            {
                withMetadata.Metadata ??= new V1ObjectMeta();
                if (string.IsNullOrEmpty(withMetadata.Metadata.NamespaceProperty))
                {
                    withMetadata.Metadata.NamespaceProperty = @namespace;
                }
            }
        }
    }
}
