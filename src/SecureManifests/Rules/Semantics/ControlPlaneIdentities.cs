#nullable enable
using System.Collections.Generic;

namespace SecureManifests.Rules.Semantics;

/// <summary>
/// The identities the Kubernetes control plane writes with (k8s.io/apiserver <c>user</c> package): the policies that
/// judge every resource (SM2017, SM4001) leave their requests alone, because the control plane itself creates objects
/// such as the <c>kubernetes</c> Service, EndpointSlices and ConfigMaps in every namespace, <c>default</c> included.
/// </summary>
internal static class ControlPlaneIdentities
{
    /// <summary>The group of every kubelet.</summary>
    public const string NodesGroup = "system:nodes";

    /// <summary>
    /// The user names of the API server's loopback client and the core components, sorted.
    /// </summary>
    public static IReadOnlyList<string> ComponentUsers { get; } = Sorted.Of(new[]
    {
        "system:apiserver", "system:kube-controller-manager", "system:kube-proxy", "system:kube-scheduler",
    });

    /// <summary>
    /// The prefix of the ServiceAccounts of <c>kube-system</c>: the controllers of kube-controller-manager run as them
    /// when it uses service account credentials (kubeadm's default), and only cluster admins can create workloads there.
    /// </summary>
    public const string KubeSystemServiceAccountPrefix = "system:serviceaccount:kube-system:";
}
