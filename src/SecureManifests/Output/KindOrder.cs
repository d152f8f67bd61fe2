using System.Collections.Frozen;

namespace SecureManifests.Output;

/// <summary>
/// The order objects appear in, inside a file and in <c>kustomization.yaml</c>: things others depend on
/// first (namespaces, CRDs, identities, RBAC, config), then workloads, then what refers to workloads.
/// Unknown kinds follow, alphabetically.
/// </summary>
internal static class KindOrder
{
    private static readonly FrozenDictionary<string, int> Ranks = new[]
    {
        "Namespace", "CustomResourceDefinition", "ServiceAccount", "ClusterRole", "ClusterRoleBinding",
        "Role", "RoleBinding", "ConfigMap", "Secret", "PersistentVolume", "PersistentVolumeClaim", "Service",
        "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "NetworkPolicy", "PodDisruptionBudget",
        "HorizontalPodAutoscaler", "Ingress", "HTTPRoute", "ServiceMonitor",
    }.Select((kind, rank) => KeyValuePair.Create(kind, rank)).ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The rank of a kind; every unlisted kind shares the last rank and is then ordered by name.</summary>
    public static int RankOf(string kind) => Ranks.TryGetValue(kind, out var rank) ? rank : Ranks.Count;
}
