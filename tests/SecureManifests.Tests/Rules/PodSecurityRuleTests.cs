using k8s;
using k8s.Models;
using SecureManifests.Rules;
using static SecureManifests.Tests.Rules.TestObjects;

namespace SecureManifests.Tests.Rules;

/// <summary>Firing and non-firing cases of every SM1xxx rule, each changing one thing on a compliant Deployment.</summary>
public sealed class PodSecurityRuleTests
{
    private sealed record Case(
        string RuleId, bool Fires, Func<IKubernetesObject[]> Objects, RuleProfile Profile = RuleProfile.Secure,
        int Version = 37, string? Path = null, string? MessagePart = null);

    private static IKubernetesObject[] Deployment(Action<V1PodSpec> change) => new IKubernetesObject[] { SecureDeployment(change) };

    private static readonly Dictionary<string, Case> Cases = new(StringComparer.Ordinal)
    {
        ["SM1001 privileged init container"] = new(RuleIds.PrivilegedContainer, true,
            () => Deployment(s => Init(s).SecurityContext.Privileged = true),
            Path: "spec.template.spec.initContainers[0].securityContext.privileged", MessagePart: "set it to false"),
        ["SM1001 privileged false"] = new(RuleIds.PrivilegedContainer, false, () => Deployment(s => App(s).SecurityContext.Privileged = false)),

        ["SM1002 hostNetwork"] = new(RuleIds.HostNamespaces, true, () => Deployment(s => s.HostNetwork = true),
            Path: "spec.template.spec.hostNetwork"),
        ["SM1002 hostPID"] = new(RuleIds.HostNamespaces, true, () => Deployment(s => s.HostPID = true), Path: "spec.template.spec.hostPID"),
        ["SM1002 hostIPC"] = new(RuleIds.HostNamespaces, true, () => Deployment(s => s.HostIPC = true), Path: "spec.template.spec.hostIPC"),
        ["SM1002 all false"] = new(RuleIds.HostNamespaces, false, () => Deployment(s => { s.HostNetwork = false; s.HostPID = false; s.HostIPC = false; })),

        ["SM1003 docker socket mounted writable"] = new(RuleIds.HostPathVolume, true, () => Deployment(s =>
            {
                s.Volumes = new List<V1Volume> { new() { Name = "sock", HostPath = new V1HostPathVolumeSource { Path = "/var/run/docker.sock" } } };
                App(s).VolumeMounts = new List<V1VolumeMount> { new V1VolumeMount { MountPath = "/var/run/docker.sock", Name = "sock" } };
            }),
            Path: "spec.template.spec.volumes[0].hostPath", MessagePart: "container runtime socket"),
        ["SM1003 /etc names the sensitive path"] = new(RuleIds.HostPathVolume, true, () => Deployment(s =>
                s.Volumes = new List<V1Volume> { new() { Name = "etc", HostPath = new V1HostPathVolumeSource { Path = "/etc/kubernetes" } } }),
            MessagePart: "sensitive host path /etc"),
        ["SM1003 emptyDir"] = new(RuleIds.HostPathVolume, false, () => Deployment(s =>
            s.Volumes = new List<V1Volume> { new() { Name = "tmp", EmptyDir = new V1EmptyDirVolumeSource() } })),

        ["SM1004 hostPort"] = new(RuleIds.HostPort, true, () => Deployment(s => App(s).Ports[0].HostPort = 8080),
            Path: "spec.template.spec.containers[0].ports[0].hostPort"),
        ["SM1004 hostPort 0"] = new(RuleIds.HostPort, false, () => Deployment(s => App(s).Ports[0].HostPort = 0)),

        ["SM1005 SYS_ADMIN"] = new(RuleIds.DangerousCapabilityAdded, true,
            () => Deployment(s => App(s).SecurityContext.Capabilities.Add = new List<string> { "SYS_ADMIN" }), MessagePart: "SYS_ADMIN"),
        ["SM1005 NET_BIND_SERVICE"] = new(RuleIds.DangerousCapabilityAdded, false,
            () => Deployment(s => App(s).SecurityContext.Capabilities.Add = new List<string> { "NET_BIND_SERVICE" })),

        ["SM1006 drop missing"] = new(RuleIds.CapabilitiesNotDropped, true, () => Deployment(s => App(s).SecurityContext.Capabilities = null),
            Path: "spec.template.spec.containers[0].securityContext.capabilities.drop"),
        ["SM1006 adds CHOWN"] = new(RuleIds.CapabilitiesNotDropped, true,
            () => Deployment(s => App(s).SecurityContext.Capabilities.Add = new List<string> { "CHOWN" }),
            Path: "spec.template.spec.containers[0].securityContext.capabilities.add"),
        ["SM1006 adds NET_BIND_SERVICE"] = new(RuleIds.CapabilitiesNotDropped, false,
            () => Deployment(s => App(s).SecurityContext.Capabilities.Add = new List<string> { "NET_BIND_SERVICE" })),
        ["SM1006 before v1.22"] = new(RuleIds.CapabilitiesNotDropped, false, () => Deployment(s => App(s).SecurityContext.Capabilities = null), Version: 21),
        ["SM1006 windows pod v1.25"] = new(RuleIds.CapabilitiesNotDropped, false, () => Deployment(s =>
            { App(s).SecurityContext.Capabilities = null; s.Os = new V1PodOS { Name = "windows" }; }), Version: 25),
        ["SM1006 windows pod v1.24"] = new(RuleIds.CapabilitiesNotDropped, true, () => Deployment(s =>
            { App(s).SecurityContext.Capabilities = null; s.Os = new V1PodOS { Name = "windows" }; }), Version: 24),

        ["SM1007 unset"] = new(RuleIds.PrivilegeEscalationAllowed, true, () => Deployment(s => App(s).SecurityContext.AllowPrivilegeEscalation = null),
            Path: "spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation", MessagePart: "set it to false"),
        ["SM1007 true"] = new(RuleIds.PrivilegeEscalationAllowed, true, () => Deployment(s => Init(s).SecurityContext.AllowPrivilegeEscalation = true)),
        ["SM1007 before v1.8"] = new(RuleIds.PrivilegeEscalationAllowed, false, () => Deployment(s => App(s).SecurityContext.AllowPrivilegeEscalation = null), Version: 7),
        ["SM1007 windows pod"] = new(RuleIds.PrivilegeEscalationAllowed, false, () => Deployment(s =>
            { App(s).SecurityContext.AllowPrivilegeEscalation = null; s.Os = new V1PodOS { Name = "windows" }; })),

        ["SM1008 unset everywhere"] = new(RuleIds.RunAsNonRootNotSet, true, () => Deployment(s => s.SecurityContext.RunAsNonRoot = null),
            Path: "spec.template.spec.securityContext.runAsNonRoot", MessagePart: "set it to true"),
        ["SM1008 container false"] = new(RuleIds.RunAsNonRootNotSet, true, () => Deployment(s => App(s).SecurityContext.RunAsNonRoot = false),
            Path: "spec.template.spec.containers[0].securityContext.runAsNonRoot"),
        ["SM1008 every container true"] = new(RuleIds.RunAsNonRootNotSet, false, () => Deployment(s =>
            { s.SecurityContext.RunAsNonRoot = null; App(s).SecurityContext.RunAsNonRoot = true; Init(s).SecurityContext.RunAsNonRoot = true; })),
        ["SM1008 one container unset"] = new(RuleIds.RunAsNonRootNotSet, true, () => Deployment(s =>
            { s.SecurityContext.RunAsNonRoot = null; App(s).SecurityContext.RunAsNonRoot = true; }), MessagePart: "init container 'init'"),

        ["SM1009 pod runAsUser 0"] = new(RuleIds.RunAsRootUser, true, () => Deployment(s => s.SecurityContext.RunAsUser = 0),
            Path: "spec.template.spec.securityContext.runAsUser"),
        ["SM1009 container runAsUser 0"] = new(RuleIds.RunAsRootUser, true, () => Deployment(s => App(s).SecurityContext.RunAsUser = 0)),
        ["SM1009 runAsUser 1000"] = new(RuleIds.RunAsRootUser, false, () => Deployment(s => s.SecurityContext.RunAsUser = 1000)),
        ["SM1009 before v1.23"] = new(RuleIds.RunAsRootUser, false, () => Deployment(s => s.SecurityContext.RunAsUser = 0), Version: 22),

        ["SM1010 pod Unconfined"] = new(RuleIds.SeccompUnconfined, true, () => Deployment(s => s.SecurityContext.SeccompProfile.Type = "Unconfined"),
            Path: "spec.template.spec.securityContext.seccompProfile.type", MessagePart: "RuntimeDefault"),
        ["SM1010 container Unconfined"] = new(RuleIds.SeccompUnconfined, true,
            () => Deployment(s => App(s).SecurityContext.SeccompProfile = new V1SeccompProfile { Type = "Unconfined" })),
        ["SM1010 legacy annotation"] = new(RuleIds.SeccompUnconfined, true, () => WithTemplateAnnotation("seccomp.security.alpha.kubernetes.io/pod", "unconfined"),
            Path: "spec.template.metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]"),
        ["SM1010 legacy annotation runtime/default"] = new(RuleIds.SeccompUnconfined, false,
            () => WithTemplateAnnotation("container.seccomp.security.alpha.kubernetes.io/app", "runtime/default")),

        ["SM1011 no profile"] = new(RuleIds.SeccompNotSet, true, () => Deployment(s => s.SecurityContext.SeccompProfile = null),
            Path: "spec.template.spec.securityContext.seccompProfile"),
        ["SM1011 every container RuntimeDefault"] = new(RuleIds.SeccompNotSet, false, () => Deployment(s =>
        {
            s.SecurityContext.SeccompProfile = null;
            App(s).SecurityContext.SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" };
            Init(s).SecurityContext.SeccompProfile = new V1SeccompProfile { Type = "Localhost", LocalhostProfile = "p.json" };
        })),
        ["SM1011 before v1.19"] = new(RuleIds.SeccompNotSet, false, () => Deployment(s => s.SecurityContext.SeccompProfile = null), Version: 18),
        ["SM1011 windows pod"] = new(RuleIds.SeccompNotSet, false, () => Deployment(s => { s.SecurityContext.SeccompProfile = null; s.Os = new V1PodOS { Name = "windows" }; })),

        ["SM1012 Unconfined field"] = new(RuleIds.ApparmorUnconfined, true,
            () => Deployment(s => App(s).SecurityContext.AppArmorProfile = new V1AppArmorProfile { Type = "Unconfined" }),
            Path: "spec.template.spec.containers[0].securityContext.appArmorProfile.type"),
        ["SM1012 unconfined annotation"] = new(RuleIds.ApparmorUnconfined, true,
            () => WithTemplateAnnotation("container.apparmor.security.beta.kubernetes.io/app", "unconfined")),
        ["SM1012 localhost annotation"] = new(RuleIds.ApparmorUnconfined, false,
            () => WithTemplateAnnotation("container.apparmor.security.beta.kubernetes.io/app", "localhost/custom")),

        ["SM1013 spc_t"] = new(RuleIds.SelinuxCustomOptions, true,
            () => Deployment(s => App(s).SecurityContext.SeLinuxOptions = new V1SELinuxOptions { Type = "spc_t" }), MessagePart: "container_t"),
        ["SM1013 user"] = new(RuleIds.SelinuxCustomOptions, true,
            () => Deployment(s => s.SecurityContext.SeLinuxOptions = new V1SELinuxOptions { User = "system_u" }),
            Path: "spec.template.spec.securityContext.seLinuxOptions.user"),
        ["SM1013 container_t with level"] = new(RuleIds.SelinuxCustomOptions, false,
            () => Deployment(s => App(s).SecurityContext.SeLinuxOptions = new V1SELinuxOptions { Type = "container_t", Level = "s0:c1" })),
        ["SM1013 container_engine_t v1.31"] = new(RuleIds.SelinuxCustomOptions, false,
            () => Deployment(s => App(s).SecurityContext.SeLinuxOptions = new V1SELinuxOptions { Type = "container_engine_t" }), Version: 31),
        ["SM1013 container_engine_t v1.30"] = new(RuleIds.SelinuxCustomOptions, true,
            () => Deployment(s => App(s).SecurityContext.SeLinuxOptions = new V1SELinuxOptions { Type = "container_engine_t" }), Version: 30),

        ["SM1014 Unmasked"] = new(RuleIds.UnmaskedProcMount, true, () => Deployment(s => App(s).SecurityContext.ProcMount = "Unmasked"),
            Path: "spec.template.spec.containers[0].securityContext.procMount", MessagePart: "Default"),
        ["SM1014 Default"] = new(RuleIds.UnmaskedProcMount, false, () => Deployment(s => App(s).SecurityContext.ProcMount = "Default")),
        ["SM1014 hostUsers false, baseline v1.35"] = new(RuleIds.UnmaskedProcMount, false,
            () => Deployment(s => { App(s).SecurityContext.ProcMount = "Unmasked"; s.HostUsers = false; }), RuleProfile.Baseline, 35),
        ["SM1014 hostUsers false, baseline v1.34"] = new(RuleIds.UnmaskedProcMount, true,
            () => Deployment(s => { App(s).SecurityContext.ProcMount = "Unmasked"; s.HostUsers = false; }), RuleProfile.Baseline, 34),
        ["SM1014 hostUsers false, restricted"] = new(RuleIds.UnmaskedProcMount, true,
            () => Deployment(s => { App(s).SecurityContext.ProcMount = "Unmasked"; s.HostUsers = false; }), RuleProfile.Restricted),

        ["SM1015 kernel.msgmax"] = new(RuleIds.UnsafeSysctl, true, () => Deployment(s => s.SecurityContext.Sysctls = new List<V1Sysctl> { new V1Sysctl { Name = "kernel.msgmax", Value = "1" } }),
            Path: "spec.template.spec.securityContext.sysctls[0].name", MessagePart: "net.ipv4.ip_unprivileged_port_start"),
        ["SM1015 tcp_rmem v1.32"] = new(RuleIds.UnsafeSysctl, false,
            () => Deployment(s => s.SecurityContext.Sysctls = new List<V1Sysctl> { new V1Sysctl { Name = "net.ipv4.tcp_rmem", Value = "4096 87380 6291456" } }), Version: 32),
        ["SM1015 tcp_rmem v1.31"] = new(RuleIds.UnsafeSysctl, true,
            () => Deployment(s => s.SecurityContext.Sysctls = new List<V1Sysctl> { new V1Sysctl { Name = "net.ipv4.tcp_rmem", Value = "4096 87380 6291456" } }), Version: 31),
        ["SM1015 tcp_notsent_lowat v1.36"] = new(RuleIds.UnsafeSysctl, true,
            () => Deployment(s => s.SecurityContext.Sysctls = new List<V1Sysctl> { new V1Sysctl { Name = "net.ipv4.tcp_notsent_lowat", Value = "16384" } }), Version: 36),
        ["SM1015 ip_local_reserved_ports v1.27"] = new(RuleIds.UnsafeSysctl, false,
            () => Deployment(s => s.SecurityContext.Sysctls = new List<V1Sysctl> { new V1Sysctl { Name = "net.ipv4.ip_local_reserved_ports", Value = "8080" } }), Version: 27),
        ["SM1015 tcp_keepalive_time v1.28"] = new(RuleIds.UnsafeSysctl, true,
            () => Deployment(s => s.SecurityContext.Sysctls = new List<V1Sysctl> { new V1Sysctl { Name = "net.ipv4.tcp_keepalive_time", Value = "60" } }), Version: 28),

        ["SM1016 hostProcess"] = new(RuleIds.WindowsHostProcess, true,
            () => Deployment(s => s.SecurityContext.WindowsOptions = new V1WindowsSecurityContextOptions { HostProcess = true }),
            Path: "spec.template.spec.securityContext.windowsOptions.hostProcess"),
        ["SM1016 hostProcess false"] = new(RuleIds.WindowsHostProcess, false,
            () => Deployment(s => App(s).SecurityContext.WindowsOptions = new V1WindowsSecurityContextOptions { HostProcess = false })),

        ["SM1017 liveness host"] = new(RuleIds.ProbeHostOverride, true,
            () => Deployment(s => App(s).LivenessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Host = "169.254.169.254", Port = 8080 } }),
            Path: "spec.template.spec.containers[0].livenessProbe.httpGet.host"),
        ["SM1017 preStop tcpSocket host"] = new(RuleIds.ProbeHostOverride, true,
            () => Deployment(s => App(s).Lifecycle = new V1Lifecycle { PreStop = new V1LifecycleHandler { TcpSocket = new V1TCPSocketAction { Host = "10.0.0.1", Port = 80 } } }),
            Path: "spec.template.spec.containers[0].lifecycle.preStop.tcpSocket.host"),
        ["SM1017 no host"] = new(RuleIds.ProbeHostOverride, false,
            () => Deployment(s => App(s).LivenessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/healthz", Port = 8080 } })),
        ["SM1017 before v1.34"] = new(RuleIds.ProbeHostOverride, false,
            () => Deployment(s => App(s).LivenessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Host = "example.com", Port = 8080 } }), Version: 33),

        ["SM1018 nfs"] = new(RuleIds.RestrictedVolumeType, true,
            () => Deployment(s => s.Volumes = new List<V1Volume> { new() { Name = "share", Nfs = new V1NFSVolumeSource { Path = "/export", Server = "nfs.local" } } }),
            Path: "spec.template.spec.volumes[0].nfs"),
        ["SM1018 pvc and projected"] = new(RuleIds.RestrictedVolumeType, false, () => Deployment(s => s.Volumes = new List<V1Volume>
        {
            new() { Name = "data", PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = "data" } },
            new() { Name = "token", Projected = new V1ProjectedVolumeSource { Sources = new List<V1VolumeProjection>() } },
        })),

        ["SM1019 writable root"] = new(RuleIds.WritableRootFilesystem, true, () => Deployment(s => App(s).SecurityContext.ReadOnlyRootFilesystem = false),
            Path: "spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem"),
        ["SM1019 not in restricted"] = new(RuleIds.WritableRootFilesystem, false,
            () => Deployment(s => App(s).SecurityContext.ReadOnlyRootFilesystem = false), RuleProfile.Restricted),
        ["SM1019 windows pod"] = new(RuleIds.WritableRootFilesystem, false, () => Deployment(s =>
            { App(s).SecurityContext.ReadOnlyRootFilesystem = null; s.Os = new V1PodOS { Name = "windows" }; })),

        ["SM1020 automount unset"] = new(RuleIds.ServiceAccountTokenAutomount, true, () => Deployment(s => s.AutomountServiceAccountToken = null),
            Path: "spec.template.spec.automountServiceAccountToken"),
        ["SM1020 unset but ServiceAccount turns it off"] = new(RuleIds.ServiceAccountTokenAutomount, false, () => new IKubernetesObject[]
        {
            SecureDeployment(s => s.AutomountServiceAccountToken = null),
            new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "api", NamespaceProperty = "shop" }, AutomountServiceAccountToken = false },
        }),
        ["SM1020 ServiceAccount in another namespace"] = new(RuleIds.ServiceAccountTokenAutomount, true, () => new IKubernetesObject[]
        {
            SecureDeployment(s => s.AutomountServiceAccountToken = null),
            new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "api", NamespaceProperty = "other" }, AutomountServiceAccountToken = false },
        }),
        ["SM1020 pod true overrides ServiceAccount"] = new(RuleIds.ServiceAccountTokenAutomount, true, () => new IKubernetesObject[]
        {
            SecureDeployment(s => s.AutomountServiceAccountToken = true),
            new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "api", NamespaceProperty = "shop" }, AutomountServiceAccountToken = false },
        }),

        ["SM1021 hostPath PersistentVolume"] = new(RuleIds.HostPathPersistentVolume, true, () => new IKubernetesObject[]
        {
            new V1PersistentVolume { Kind = "PersistentVolume", Metadata = new V1ObjectMeta { Name = "pv" }, Spec = new V1PersistentVolumeSpec { HostPath = new V1HostPathVolumeSource { Path = "/mnt/data" } } },
        }, Path: "spec.hostPath"),
        ["SM1021 local PersistentVolume"] = new(RuleIds.HostPathPersistentVolume, true, () => new IKubernetesObject[]
        {
            new V1PersistentVolume { Metadata = new V1ObjectMeta { Name = "pv" }, Spec = new V1PersistentVolumeSpec { Local = new V1LocalVolumeSource { Path = "/mnt/disks/ssd1" } } },
        }, Path: "spec.local"),
        ["SM1021 csi PersistentVolume"] = new(RuleIds.HostPathPersistentVolume, false, () => new IKubernetesObject[]
        {
            new V1PersistentVolume { Metadata = new V1ObjectMeta { Name = "pv" }, Spec = new V1PersistentVolumeSpec { Csi = new V1CSIPersistentVolumeSource { Driver = "ebs.csi.aws.com", VolumeHandle = "vol-1" } } },
        }),
    };

    public static TheoryData<string> CaseNames() => RuleCases.Names(Cases);

    [Fact]
    public void The_compliant_deployment_has_no_finding_in_any_profile_and_version()
    {
        foreach (var profile in Enum.GetValues<RuleProfile>())
        {
            for (var minor = 0; minor <= PssVersion.Latest.Minor; minor++)
            {
                var findings = Evaluate(new RuleEngineOptions { Profile = profile, Version = PssVersion.V1(minor) }, SecureDeployment());
                Assert.True(findings.Count == 0, $"{profile} v1.{minor}: " + string.Join(" | ", findings));
            }
        }
    }

    [Fact]
    public void Every_pod_security_rule_has_a_firing_and_a_non_firing_case()
    {
        RuleCases.AssertEveryRuleHasBothCases(Cases.Values.Select(c => (c.RuleId, c.Fires)), "SM10", 21);
    }


    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Rule_fires_exactly_when_it_should(string name)
    {
        var c = Cases[name];
        var options = new RuleEngineOptions { Profile = c.Profile, Version = PssVersion.V1(c.Version) };

        var findings = Evaluate(options, c.Objects()).Where(f => f.RuleId == c.RuleId).ToList();

        RuleCases.AssertVerdict(name, c.RuleId, c.Fires, findings, c.Path, c.MessagePart);

        Assert.All(findings, f => Assert.Equal(RuleCatalog.Get(c.RuleId).DefaultSeverity, f.Severity));
    }

    private static IKubernetesObject[] WithTemplateAnnotation(string key, string value)
    {
        var deployment = SecureDeployment();
        deployment.Spec.Template.Metadata.Annotations = new Dictionary<string, string> { [key] = value };
        return new IKubernetesObject[] { deployment };
    }
}
