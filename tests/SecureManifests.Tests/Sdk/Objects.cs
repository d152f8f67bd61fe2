using k8s;
using k8s.Models;

namespace SecureManifests.Tests.Sdk;

/// <summary>Looks up built objects by type and name.</summary>
internal static class Objects
{
    public static T Single<T>(this IReadOnlyList<IKubernetesObject> objects, string name)
        where T : IKubernetesObject<V1ObjectMeta> =>
        Assert.Single(objects.OfType<T>(), o => o.Metadata.Name == name);

    public static V1PodSpec PodSpec(this IReadOnlyList<IKubernetesObject> objects, string deployment) =>
        objects.Single<V1Deployment>(deployment).Spec.Template.Spec;

    public static V1Container MainContainer(this IReadOnlyList<IKubernetesObject> objects, string deployment) =>
        objects.PodSpec(deployment).Containers[0];

    public static IDictionary<string, string> Annotations(this IKubernetesObject<V1ObjectMeta> obj) =>
        obj.Metadata.Annotations ?? new Dictionary<string, string>();
}

internal static class TemplateLabels
{
    public static IDictionary<string, string> PodSpecTemplateLabels(this IReadOnlyList<IKubernetesObject> objects, string deployment) =>
        objects.Single<V1Deployment>(deployment).Spec.Template.Metadata.Labels;
}
