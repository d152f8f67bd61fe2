using System.Reflection;
using k8s.Models;

namespace SecureManifests.Model;

/// <summary>
/// The apiVersion and kind a KubernetesClient model type stands for, from its <see cref="KubernetesEntityAttribute"/>:
/// <c>V1Deployment</c> is <c>apps/v1</c> <c>Deployment</c>. The type carries them, so nobody has to write them again.
/// </summary>
internal static class EntityIdentity
{
    /// <summary>The identity of <paramref name="type"/>, or false for a type that is not a Kubernetes entity.</summary>
    public static bool TryGet(Type type, out string apiVersion, out string kind)
    {
        var entity = type.GetCustomAttribute<KubernetesEntityAttribute>();
        if (entity is null || string.IsNullOrEmpty(entity.Kind) || string.IsNullOrEmpty(entity.ApiVersion))
        {
            apiVersion = kind = string.Empty;
            return false;
        }

        apiVersion = string.IsNullOrEmpty(entity.Group) ? entity.ApiVersion : entity.Group + "/" + entity.ApiVersion;
        kind = entity.Kind;
        return true;
    }
}
