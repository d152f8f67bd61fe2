using k8s;
using k8s.Models;

namespace SecureManifests.Cli.Input;

/// <summary>
/// Maps apiVersion + kind to KubernetesClient's typed model, from the <see cref="KubernetesEntityAttribute"/>
/// on every model type. Built once per process; lookups are a dictionary hit with no reflection.
/// </summary>
internal static class KubernetesTypeMap
{
    private static readonly Lazy<Dictionary<(string ApiVersion, string Kind), Type>> Map = new(Build);

    public static Type? Find(string apiVersion, string kind) =>
        Map.Value.TryGetValue((apiVersion, kind), out var type) ? type : null;

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026",
        Justification = "k8s.Models is a trimmer root of the native tool (KubernetesModels.xml): every model type is kept.")]
    private static Dictionary<(string ApiVersion, string Kind), Type> Build()
    {
        var map = new Dictionary<(string, string), Type>();
        foreach (var type in typeof(V1Pod).Assembly.GetExportedTypes())
        {
            if (!type.IsClass || type.IsAbstract || !typeof(IKubernetesObject).IsAssignableFrom(type))
            {
                continue;
            }

            if (Model.EntityIdentity.TryGet(type, out var apiVersion, out var kind))
            {
                map.TryAdd((apiVersion, kind), type);
            }
        }

        return map;
    }
}
