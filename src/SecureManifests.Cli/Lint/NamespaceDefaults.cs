using k8s;
using k8s.Models;
using SecureManifests.Rules.Semantics;

namespace SecureManifests.Cli.Lint;

/// <summary>
/// <c>--namespace NS</c>: objects that name no namespace are checked as if deployed with <c>kubectl apply -n NS</c>,
/// except the cluster-scoped kinds of the Kubernetes API (the shared <see cref="KindScopes"/>), which have no namespace.
/// </summary>
internal static class NamespaceDefaults
{
    public static void Apply(IKubernetesObject obj, string @namespace)
    {
        if (obj is IMetadata<V1ObjectMeta> withMetadata && !KindScopes.IsClusterScoped(obj.Kind))
        {
            withMetadata.Metadata ??= new V1ObjectMeta();
            if (string.IsNullOrEmpty(withMetadata.Metadata.NamespaceProperty))
            {
                withMetadata.Metadata.NamespaceProperty = @namespace;
            }
        }
    }
}
