using k8s;
using k8s.Models;
using SecureManifests.Validation;

namespace SecureManifests.Model;

/// <summary>
/// A workload with stable identity and storage (apps/v1 StatefulSet). A headless Service named
/// <c>&lt;name&gt;-headless</c> gives its pods stable DNS names.
/// </summary>
public sealed class StatefulSet : ScalableWorkload<StatefulSet>
{
    private readonly List<V1PersistentVolumeClaim> _claims = [];

    internal StatefulSet(Namespace ns, string name, string image)
        : base(ns, "StatefulSet", name, image)
    {
    }

    /// <summary>The governing headless Service's name.</summary>
    public string ServiceName => Name + "-headless";

    /// <summary>A ReadWriteOnce PersistentVolumeClaim per pod, mounted at <paramref name="mountPath"/>.</summary>
    public StatefulSet WithVolumeClaim(string name, string mountPath, string size, string? storageClass = null)
    {
        var problem = NameFormat.Label.Check(name);
        if (problem is not null)
        {
            throw Invalid($"spec.volumeClaimTemplates[{name}].metadata.name", problem);
        }

        if (_claims.Any(c => c.Metadata.Name == name))
        {
            throw Invalid($"spec.volumeClaimTemplates[{name}]", $"claim '{name}' is declared twice");
        }

        if (!Quantities.IsValid(size) || Quantities.IsNegative(size))
        {
            throw Invalid($"spec.volumeClaimTemplates[{name}].spec.resources.requests.storage", $"'{size}' is not a valid quantity; write e.g. 10Gi");
        }

        Main.WithMount(name, mountPath, readOnly: false);
        _claims.Add(new V1PersistentVolumeClaim
        {
            Metadata = new V1ObjectMeta { Name = name },
            Spec = new V1PersistentVolumeClaimSpec
            {
                AccessModes = ["ReadWriteOnce"],
                StorageClassName = storageClass,
                Resources = new V1VolumeResourceRequirements
                {
                    Requests = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal) { ["storage"] = Quantity.Of(size) },
                },
            },
        });
        return this;
    }

    internal override IEnumerable<IKubernetesObject> Emit()
    {
        foreach (var obj in base.Emit())
        {
            yield return obj;
        }

        yield return new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = Metadata(ServiceName, instanceOf: Name),
            Spec = new V1ServiceSpec
            {
                ClusterIP = "None",
                Selector = new Dictionary<string, string>(SelectorLabels, StringComparer.Ordinal),
                Ports = Containers.SelectMany(c => c.Ports).Any()
                    ? [.. Containers.SelectMany(c => c.Ports).Select(p => new V1ServicePort { Name = p.Name, Port = p.Number, TargetPort = p.Name, Protocol = p.Protocol.ToApiValue() })]
                    : null,
            },
        };
    }

    private protected override IKubernetesObject EmitWorkload() => new V1StatefulSet
    {
        ApiVersion = "apps/v1",
        Kind = Kind,
        Metadata = WorkloadMetadata(),
        Spec = new V1StatefulSetSpec
        {
            Replicas = Replicas,
            ServiceName = ServiceName,
            Selector = Selector(),
            Template = BuildPodTemplate(),
            VolumeClaimTemplates = _claims.Count == 0 ? null : [.. _claims],
        },
    };
}
