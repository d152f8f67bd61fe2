using k8s;
using k8s.Models;

namespace SecureManifests.Rules;

/// <summary>Where a kind keeps its pod spec, and the metadata that belongs to the pod.</summary>
internal readonly struct PodSpecLocation
{
    internal PodSpecLocation(V1PodSpec? spec, string specPath, V1ObjectMeta? podMetadata, string podMetadataPath)
    {
        Spec = spec;
        SpecPath = specPath;
        PodMetadata = podMetadata;
        PodMetadataPath = podMetadataPath;
    }

    /// <summary>The pod spec; null for a pod template without one (its labels still stand for pods).</summary>
    public V1PodSpec? Spec { get; }

    /// <summary>Its path in the object, such as <c>spec.jobTemplate.spec.template.spec</c>.</summary>
    public string SpecPath { get; }

    /// <summary>The pod's metadata: the Pod's own, or the pod template's.</summary>
    public V1ObjectMeta? PodMetadata { get; }

    /// <summary>The path of <see cref="PodMetadata"/>, such as <c>spec.template.metadata</c>.</summary>
    public string PodMetadataPath { get; }
}

/// <summary>
/// Finds the pod spec of Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob, ReplicationController and
/// PodTemplate by type (a type switch, not reflection: this runs once per object). Kinds without a typed model are
/// found by a <see cref="PodTemplateKind"/> and read by <see cref="PodTemplateReader"/>.
/// </summary>
internal static class PodSpecLocator
{
    /// <summary>The pod spec of <paramref name="obj"/>, when it is a typed pod-bearing kind that has one.</summary>
    public static bool TryLocate(IKubernetesObject? obj, out PodSpecLocation location)
    {
        location = Locate(obj) ?? default;
        return location.Spec is not null;
    }

    /// <summary>
    /// The metadata of the pod template of a typed <paramref name="obj"/> even when the template has no spec: its labels
    /// still say which pods the workload stands for (selectors, Services and NetworkPolicies match them).
    /// </summary>
    internal static bool TryLocateTemplateMetadata(IKubernetesObject? obj, out V1ObjectMeta? metadata, out string metadataPath)
    {
        var (template, templatePath) = Template(obj);
        metadata = template?.Metadata;
        metadataPath = template is null ? string.Empty : templatePath + ".metadata";
        return template is not null;
    }

    /// <summary>Where a typed <paramref name="obj"/> keeps its pod (also a template without a spec); null when it has none.</summary>
    internal static PodSpecLocation? Locate(IKubernetesObject? obj)
    {
        if (obj is V1Pod pod)
        {
            return pod.Spec is null ? null : new PodSpecLocation(pod.Spec, "spec", pod.Metadata, "metadata");
        }

        var (template, templatePath) = Template(obj);
        return template is null ? null : new PodSpecLocation(template.Spec, templatePath + ".spec", template.Metadata, templatePath + ".metadata");
    }

    /// <summary>Whether <paramref name="obj"/> is of a typed kind that bears a pod (found by type, never by a <see cref="PodTemplateKind"/>).</summary>
    internal static bool IsTypedPodKind(IKubernetesObject? obj) => obj is V1Pod || Template(obj).Path.Length > 0;

    /// <summary>Every container of <paramref name="spec"/>: init containers, containers, then ephemeral containers.</summary>
    public static IReadOnlyList<ContainerRef> Containers(V1PodSpec spec, string specPath)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var count = (spec.InitContainers?.Count ?? 0) + (spec.Containers?.Count ?? 0) + (spec.EphemeralContainers?.Count ?? 0);
        if (count == 0)
        {
            return Array.Empty<ContainerRef>();
        }

        var result = new List<ContainerRef>(count);
        AddAll(result, spec.InitContainers, ContainerKind.Init, specPath);
        AddAll(result, spec.Containers, ContainerKind.Regular, specPath);
        if (spec.EphemeralContainers is { } ephemeral)
        {
            for (var i = 0; i < ephemeral.Count; i++)
            {
                if (ephemeral[i] is { } c)
                {
                    result.Add(new ContainerRef(c, i, specPath));
                }
            }
        }

        return result;
    }

    private static void AddAll(List<ContainerRef> result, IList<V1Container>? containers, ContainerKind kind, string specPath)
    {
        if (containers is null)
        {
            return;
        }

        for (var i = 0; i < containers.Count; i++)
        {
            if (containers[i] is { } c)
            {
                result.Add(new ContainerRef(c, kind, i, specPath));
            }
        }
    }

    private static (V1PodTemplateSpec? Template, string Path) Template(IKubernetesObject? obj) => obj switch
    {
        V1Deployment d => (d.Spec?.Template, "spec.template"),
        V1ReplicaSet rs => (rs.Spec?.Template, "spec.template"),
        V1StatefulSet ss => (ss.Spec?.Template, "spec.template"),
        V1DaemonSet ds => (ds.Spec?.Template, "spec.template"),
        V1Job job => (job.Spec?.Template, "spec.template"),
        V1CronJob cron => (cron.Spec?.JobTemplate?.Spec?.Template, "spec.jobTemplate.spec.template"),
        V1ReplicationController rc => (rc.Spec?.Template, "spec.template"),
        V1PodTemplate template => (template.Template, "template"),

        // Not a typed pod-bearing kind: only then may a PodTemplateKind describe it.
        _ => (null, string.Empty),
    };
}
