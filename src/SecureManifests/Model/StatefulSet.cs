using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;

namespace SecureManifests.Model;

/// <summary>
/// A workload with stable identity and storage (apps/v1 StatefulSet). A headless Service named
/// <c>&lt;name&gt;-headless</c> gives its pods stable DNS names.
/// </summary>
public sealed class StatefulSet : ScalableWorkload<StatefulSet>
{
    private readonly List<V1PersistentVolumeClaim> _claims = [];
    private V1StatefulSetUpdateStrategy? _strategy;

    internal StatefulSet(Namespace ns, string name, string image)
        : base(ns, "StatefulSet", name, image)
    {
    }

    /// <summary>The governing headless Service's name.</summary>
    public string ServiceName => Name + "-headless";

    /// <summary>A ReadWriteOnce PersistentVolumeClaim per pod, mounted at <paramref name="mountPath"/>.</summary>
    public StatefulSet WithVolumeClaim(string name, string mountPath, string size, string? storageClass = null)
    {
        Arguments.NotNull(name, Reference);
        Arguments.NotNull(mountPath, Reference);
        Arguments.NotNull(size, Reference);
        var field = $"spec.volumeClaimTemplates[{name}]";
        var claim = VolumeClaims.Create(this, name, size, storageClass, VolumeAccessMode.ReadWriteOnce, field);
        if (_claims.Any(c => c.Metadata.Name == name))
        {
            throw Invalid(field, $"claim '{name}' is declared twice");
        }

        Main.WithMount(name, mountPath, readOnly: false);
        _claims.Add(claim);
        return this;
    }

    /// <summary>Replaces pods one at a time from the highest ordinal (the default); pods below <paramref name="partition"/> keep the old revision.</summary>
    public StatefulSet WithRollingUpdate(int? partition = null)
    {
        if (partition < 0)
        {
            throw Invalid("spec.updateStrategy.rollingUpdate.partition", $"{partition} is negative");
        }

        _strategy = new V1StatefulSetUpdateStrategy
        {
            Type = "RollingUpdate",
            RollingUpdate = partition is null ? null : new V1RollingUpdateStatefulSetStrategy { Partition = partition },
        };
        return this;
    }

    /// <summary>Updates a pod only when it is deleted by hand (<c>OnDelete</c>), for operator-driven upgrades.</summary>
    public StatefulSet WithOnDeleteStrategy()
    {
        _strategy = new V1StatefulSetUpdateStrategy { Type = "OnDelete" };
        return this;
    }

    /// <summary>
    /// The typed escape hatch for what the SDK does not name: changes the emitted <c>V1StatefulSet</c> after every default is
    /// applied. The result is checked like everything else: an insecure change fails the synth unless a relaxation with
    /// a reason covers it.
    /// </summary>
    public StatefulSet Customize(Action<V1StatefulSet> change, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Arguments.NotNull(change, Reference);
        CustomizationsOf.Add(change, callerFile, callerLine);
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
            UpdateStrategy = _strategy,
            RevisionHistoryLimit = RevisionHistoryLimit,
            Template = BuildPodTemplate(),
            VolumeClaimTemplates = _claims.Count == 0 ? null : [.. _claims],
        },
    };
}
