using k8s;
using k8s.Models;

namespace SecureManifests.Model;

/// <summary>One pod per node (apps/v1 DaemonSet), with the same secure pod settings as every workload.</summary>
public sealed class DaemonSet : Workload<DaemonSet>
{
    internal DaemonSet(Namespace ns, string name, string image)
        : base(ns, "DaemonSet", name, image)
    {
    }

    private protected override IKubernetesObject EmitWorkload() => new V1DaemonSet
    {
        ApiVersion = "apps/v1",
        Kind = Kind,
        Metadata = WorkloadMetadata(),
        Spec = new V1DaemonSetSpec { Selector = Selector(), Template = BuildPodTemplate() },
    };
}
