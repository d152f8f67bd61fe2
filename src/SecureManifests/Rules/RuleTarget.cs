using System.Text.Json;
using k8s;
using k8s.Models;

namespace SecureManifests.Rules;

/// <summary>
/// One object as the checks see it: identity, its pod spec and containers when it has one, and its
/// waivers. Built once per object so that twenty checks do not each locate the pod spec again.
/// </summary>
internal sealed class RuleTarget
{
    private RuleTarget(IKubernetesObject obj, int index, PodTemplateKindSet? podTemplateKinds, JsonElement? written)
    {
        Source = obj;
        Index = index;
        Kind = KindOf(obj);
        ApiVersion = obj.ApiVersion;
        Metadata = (obj as IMetadata<V1ObjectMeta>)?.Metadata;
        Namespace = Metadata?.NamespaceProperty;
        Name = Metadata?.Name ?? string.Empty;
        Written = written;
        PodTemplateKind = PodSpecLocator.IsTypedPodKind(obj) ? null : podTemplateKinds?.Find(ApiVersion, obj.Kind);
        var location = PodTemplateKind is { } kind ? PodTemplateReader.Read(obj, kind, written, Description) : PodSpecLocator.Locate(obj);
        PodMetadata = location?.PodMetadata;
        PodMetadataPath = location?.PodMetadataPath ?? string.Empty;
        if (location?.Spec is { } spec)
        {
            PodSpec = spec;
            PodSpecPath = location.Value.SpecPath;
            Containers = PodSpecLocator.Containers(spec, PodSpecPath);
            IsWindowsPod = string.Equals(spec.Os?.Name, "windows", StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            PodSpecPath = string.Empty;
            Containers = Array.Empty<ContainerRef>();
        }

        Waivers = Waivers.Read(Metadata, "metadata", PodMetadata, PodMetadataPath);
    }

    /// <summary>The object as given.</summary>
    public IKubernetesObject Source { get; }

    /// <summary>Its index in the evaluated list.</summary>
    public int Index { get; }

    /// <summary>Its kind (from the object, or from its model type when the object leaves it unset).</summary>
    public string Kind { get; }

    /// <summary>Its apiVersion as given.</summary>
    public string? ApiVersion { get; }

    /// <summary>Its metadata, when the type has one.</summary>
    public V1ObjectMeta? Metadata { get; }

    /// <summary>Its namespace, or null.</summary>
    public string? Namespace { get; }

    /// <summary>Its name, or empty.</summary>
    public string Name { get; }

    /// <summary>
    /// The object as its source wrote it, before deserialization, when the caller has it (lint does): the field names
    /// a typed model cannot keep, such as a misplaced <c>runAsUser</c>, are only here.
    /// </summary>
    public JsonElement? Written { get; }

    /// <summary>The entry that describes where this object, of a kind without a typed model, keeps its pod; null otherwise.</summary>
    public PodTemplateKind? PodTemplateKind { get; }

    /// <summary>The pod spec, for pod-bearing kinds.</summary>
    public V1PodSpec? PodSpec { get; }

    /// <summary>The path of <see cref="PodSpec"/> (empty when there is none).</summary>
    public string PodSpecPath { get; }

    /// <summary>The pod's metadata (the Pod's own, or the pod template's, also when the template has no spec).</summary>
    public V1ObjectMeta? PodMetadata { get; }

    /// <summary>The path of <see cref="PodMetadata"/>.</summary>
    public string PodMetadataPath { get; }

    /// <summary>All containers: init, regular, then ephemeral.</summary>
    public IReadOnlyList<ContainerRef> Containers { get; }

    /// <summary>Whether the pod spec declares <c>os.name: windows</c>.</summary>
    public bool IsWindowsPod { get; }

    /// <summary>The waiver annotations of the object and its pod template.</summary>
    public Waivers Waivers { get; }

    /// <summary>How messages name the object: <c>Deployment shop/api</c>.</summary>
    public string Description => Describe(Kind, Namespace, Name);

    /// <summary>How messages name an object: <c>Deployment shop/api</c>, or <c>Namespace shop</c> without a namespace.</summary>
    public static string Describe(string kind, string? @namespace, string name) =>
        string.IsNullOrEmpty(@namespace) ? kind + " " + name : kind + " " + @namespace + "/" + name;

    /// <summary>Builds the view of <paramref name="obj"/>, the <paramref name="index"/>-th evaluated object, finding pods of typed kinds only.</summary>
    public static RuleTarget Create(IKubernetesObject obj, int index) => Create(obj, index, null, null);

    /// <summary>
    /// Builds the view of <paramref name="obj"/>, whose pod, when it is of none of the typed kinds, is found by
    /// <paramref name="podTemplateKinds"/>; <paramref name="written"/> is the object as its source wrote it, if known.
    /// </summary>
    /// <exception cref="PodTemplateException">The object's kind is in <paramref name="podTemplateKinds"/>, and no pod template is at its path.</exception>
    public static RuleTarget Create(IKubernetesObject obj, int index, PodTemplateKindSet? podTemplateKinds, JsonElement? written)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return new RuleTarget(obj, index, podTemplateKinds, written);
    }

    private static string KindOf(IKubernetesObject obj)
    {
        if (!string.IsNullOrEmpty(obj.Kind))
        {
            return obj.Kind;
        }

        // Objects built in C# often leave Kind unset; the model type says what they are.
        return obj switch
        {
            V1Pod => V1Pod.KubeKind,
            V1Deployment => V1Deployment.KubeKind,
            V1ReplicaSet => V1ReplicaSet.KubeKind,
            V1StatefulSet => V1StatefulSet.KubeKind,
            V1DaemonSet => V1DaemonSet.KubeKind,
            V1Job => V1Job.KubeKind,
            V1CronJob => V1CronJob.KubeKind,
            V1ReplicationController => V1ReplicationController.KubeKind,
            V1PodTemplate => V1PodTemplate.KubeKind,
            V1PersistentVolume => V1PersistentVolume.KubeKind,
            V1ConfigMap => V1ConfigMap.KubeKind,
            V1Secret => V1Secret.KubeKind,
            V1Service => V1Service.KubeKind,
            V1ServiceAccount => V1ServiceAccount.KubeKind,
            V1Namespace => V1Namespace.KubeKind,
            V1Role => V1Role.KubeKind,
            V1ClusterRole => V1ClusterRole.KubeKind,
            V1RoleBinding => V1RoleBinding.KubeKind,
            V1ClusterRoleBinding => V1ClusterRoleBinding.KubeKind,
            V1NetworkPolicy => V1NetworkPolicy.KubeKind,
            V1Ingress => V1Ingress.KubeKind,
            _ => "Unknown",
        };
    }
}
