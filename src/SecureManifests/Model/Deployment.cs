using k8s;
using k8s.Models;

namespace SecureManifests.Model;

/// <summary>A stateless, replicated workload (apps/v1 Deployment).</summary>
public sealed class Deployment : ScalableWorkload<Deployment>
{
    internal Deployment(Namespace ns, string name, string image)
        : base(ns, "Deployment", name, image)
    {
    }

    private protected override IKubernetesObject EmitWorkload() => new V1Deployment
    {
        ApiVersion = "apps/v1",
        Kind = Kind,
        Metadata = WorkloadMetadata(),
        Spec = new V1DeploymentSpec { Replicas = Replicas, Selector = Selector(), Template = BuildPodTemplate() },
    };
}
