// Corpus: pods that cluster tools create on the fly (node shells, benchmark and chaos agents, Windows probes), written
// with statements on existing objects as much as with initializers.
using System.Collections.Generic;
using k8s;
using k8s.Models;

namespace Contoso.ClusterTools.Pods;

public sealed class NodeToolPods
{
    private const string ToolsImage = "ghcr.io/contoso/cluster-tools:0.9.4";
    private readonly string _namespace;

    public NodeToolPods(string ns) => _namespace = ns;

    /// <summary>A shell in the node's namespaces, as node-shell tools build it.</summary>
    public V1Pod NodeShell(string node)
    {
        var pod = new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta { GenerateName = "nsenter-", NamespaceProperty = _namespace },
            Spec = new V1PodSpec { NodeName = node, RestartPolicy = "Never" },
        };
        pod.Spec.HostPID = true; // expect: SM1002
        pod.Spec.HostIPC = true; // expect: SM1002
        pod.Spec.HostNetwork = false;
        var shell = new V1Container
        {
            Name = "nsenter",
            Image = ToolsImage,
            Command = new List<string> { "nsenter", "--target", "1", "--mount", "--uts", "--ipc", "--net", "--pid", "--", "bash", "-l" },
            Stdin = true,
            Tty = true,
        };
        shell.SecurityContext = new V1SecurityContext();
        shell.SecurityContext.Privileged = true; // expect: SM1001
        pod.Spec.Containers = new List<V1Container> { shell };
        return pod;
    }

    /// <summary>A network benchmark agent that tunes the kernel and reads the runtime socket.</summary>
    public V1Pod BenchmarkAgent(string node) => new V1Pod
    {
        Metadata = new V1ObjectMeta { Name = "netbench-" + node, NamespaceProperty = _namespace },
        Spec = new V1PodSpec
        {
            NodeName = node,
            SecurityContext = new V1PodSecurityContext
            {
                Sysctls = new List<V1Sysctl>
                {
                    new V1Sysctl { Name = "net.ipv4.ip_local_port_range", Value = "1024 65535" },
                    new V1Sysctl { Name = "net.core.somaxconn", Value = "65535" }, // expect: SM1015
                    new V1Sysctl { Name = "kernel.shm_rmid_forced", Value = "1" },
                },
                SeLinuxOptions = new V1SELinuxOptions { Type = "spc_t" }, // expect: SM1013
                AppArmorProfile = new V1AppArmorProfile { Type = "Unconfined" }, // expect: SM1012
            },
            Containers = new List<V1Container>
            {
                new V1Container
                {
                    Name = "agent",
                    Image = ToolsImage,
                    Args = new List<string> { "netbench", "--duration=60s" },
                    SecurityContext = new V1SecurityContext
                    {
                        ProcMount = "Unmasked", // expect: SM1014
                        SeLinuxOptions = new V1SELinuxOptions { Type = "container_t", Level = "s0:c123,c456" },
                        Capabilities = new V1Capabilities { Add = new List<string> { "NET_BIND_SERVICE" }, Drop = new List<string> { "ALL" } },
                    },
                    VolumeMounts = new List<V1VolumeMount> { new V1VolumeMount { Name = "containerd", MountPath = "/run/containerd/containerd.sock" } },
                    ReadinessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = 5201, Host = "127.0.0.1" } }, // expect: SM1017
                },
            },
            Volumes = new List<V1Volume>
            {
                new V1Volume { Name = "containerd", HostPath = new V1HostPathVolumeSource { Path = "/run/containerd/containerd.sock", Type = "Socket" } }, // expect: SM1003
                new V1Volume { Name = "results", Nfs = new V1NFSVolumeSource { Server = "nfs.tools.contoso.io", Path = "/exports/netbench" } }, // expect: SM1018
                new V1Volume { Name = "scratch", Ephemeral = new V1EphemeralVolumeSource() },
            },
        },
    };

    /// <summary>A Windows host agent: HostProcess containers run on the node as SYSTEM.</summary>
    public V1Pod WindowsHostAgent(string node) => new V1Pod
    {
        Metadata = new V1ObjectMeta { Name = "win-agent-" + node, NamespaceProperty = _namespace },
        Spec = new V1PodSpec
        {
            NodeName = node,
            HostNetwork = true, // expect: SM1002
            NodeSelector = new Dictionary<string, string> { ["kubernetes.io/os"] = "windows" },
            SecurityContext = new V1PodSecurityContext
            {
                WindowsOptions = new V1WindowsSecurityContextOptions { HostProcess = true, RunAsUserName = "NT AUTHORITY\\SYSTEM" }, // expect: SM1016
            },
            Containers = new List<V1Container>
            {
                new V1Container
                {
                    Name = "agent",
                    Image = "mcr.microsoft.com/windows/nanoserver:ltsc2022",
                    LivenessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Port = 9182, Path = "/health" } },
                    Lifecycle = new V1Lifecycle
                    {
                        PreStop = new V1LifecycleHandler { HttpGet = new V1HTTPGetAction { Port = 9182, Host = "localhost", Path = "/drain" } }, // expect: SM1017
                    },
                },
            },
        },
    };

    /// <summary>A chaos agent whose settings the experiment decides; nothing about it is known before it runs.</summary>
    public V1Pod ChaosAgent(string node, bool privileged, long? runAsUser, IList<string> capabilities, string image)
    {
        var agent = new V1Container { Name = "chaos", Image = image };
        agent.SecurityContext = new V1SecurityContext
        {
            Privileged = privileged,
            RunAsUser = runAsUser,
            Capabilities = new V1Capabilities { Add = capabilities, Drop = capabilities.Count == 0 ? new List<string> { "ALL" } : null },
        };

        return new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "chaos-" + node, NamespaceProperty = _namespace },
            Spec = new V1PodSpec { NodeName = node, Containers = new List<V1Container> { agent }, HostPID = privileged },
        };
    }

    /// <summary>Ephemeral debug containers are added to a running pod by patching it.</summary>
    public V1EphemeralContainer DebugContainer(string target) => new V1EphemeralContainer
    {
        Name = "debugger-" + target,
        Image = "busybox", // expect: SM2001
        TargetContainerName = target,
        Stdin = true,
        SecurityContext = new V1SecurityContext { Capabilities = new V1Capabilities { Add = ["SYS_PTRACE"], Drop = ["ALL"] } }, // expect: SM1005 SM1006
    };
}
