using SecureManifests.Analyzers.Tests.Infrastructure;
using static SecureManifests.Analyzers.Tests.Infrastructure.Snippets;

namespace SecureManifests.Analyzers.Tests.RawModels;

/// <summary>Every analyzer rule on raw KubernetesClient models: a firing case and a non-firing case each.</summary>
public sealed class RawModelRuleTests
{
    [Theory]
    // SM1001 privileged-container
    [InlineData("var sc = new V1SecurityContext { {|SM1001:Privileged = true|} };")]
    [InlineData("var sc = new V1SecurityContext(); {|SM1001:sc.Privileged = true|};")]
    // SM1002 host-namespaces
    [InlineData("var p = new V1PodSpec { {|SM1002:HostNetwork = true|}, {|SM1002:HostPID = true|}, {|SM1002:HostIPC = true|} };")]
    // SM1003 host-path-volume
    [InlineData("var v = new V1Volume { Name = \"docker\", {|SM1003:HostPath = new V1HostPathVolumeSource { Path = \"/var/run/docker.sock\" }|} };")]
    // SM1004 host-port
    [InlineData("var p = new V1ContainerPort { ContainerPort = 8080, {|SM1004:HostPort = 8080|} };")]
    // SM1005 + SM1006 on a capability outside the Baseline set; SM1006 on a Drop list without ALL
    [InlineData("var c = new V1Capabilities { Drop = new List<string> { \"ALL\" }, {|SM1005:{|SM1006:Add = new List<string> { \"SYS_ADMIN\" }|}|} };")]
    [InlineData("var c = new V1Capabilities { {|SM1006:Drop = new[] { \"NET_RAW\" }|} };")]
    [InlineData("var c = {|SM1006:new V1Capabilities { Add = new List<string> { \"NET_BIND_SERVICE\" } }|};")]
    [InlineData("var c = new V1Capabilities { Drop = new[] { \"ALL\" }, {|SM1006:Add = { \"CHOWN\" }|} };")]
    // SM1007 privilege-escalation-allowed
    [InlineData("var sc = new V1SecurityContext { {|SM1007:AllowPrivilegeEscalation = true|} };")]
    // SM1008 run-as-non-root-not-set
    [InlineData("var sc = new V1PodSecurityContext { {|SM1008:RunAsNonRoot = false|} };")]
    // SM1009 run-as-root-user
    [InlineData("var sc = new V1PodSecurityContext { {|SM1009:RunAsUser = 0|} };")]
    [InlineData("var sc = new V1SecurityContext { {|SM1009:RunAsUser = 0L|} };")]
    // SM1010 seccomp-unconfined
    [InlineData("var s = new V1SeccompProfile { {|SM1010:Type = \"Unconfined\"|} };")]
    // SM1012 apparmor-unconfined
    [InlineData("var a = new V1AppArmorProfile { {|SM1012:Type = \"Unconfined\"|} };")]
    // SM1013 selinux-custom-options
    [InlineData("var o = new V1SELinuxOptions { {|SM1013:Type = \"spc_t\"|}, {|SM1013:User = \"system_u\"|}, {|SM1013:Role = \"sysadm_r\"|} };")]
    // SM1014 unmasked-proc-mount
    [InlineData("var sc = new V1SecurityContext { {|SM1014:ProcMount = \"Unmasked\"|} };")]
    // SM1015 unsafe-sysctl
    [InlineData("var s = new V1Sysctl { {|SM1015:Name = \"kernel.msgmax\"|}, Value = \"65536\" };")]
    // SM1016 windows-host-process
    [InlineData("var w = new V1WindowsSecurityContextOptions { {|SM1016:HostProcess = true|} };")]
    // SM1017 probe-host-override
    [InlineData("var g = new V1HTTPGetAction { Port = 8080, {|SM1017:Host = \"10.0.0.1\"|} };")]
    [InlineData("var t = new V1TCPSocketAction { Port = 8080, {|SM1017:Host = \"metadata\"|} };")]
    // SM1018 restricted-volume-type
    [InlineData("var v = new V1Volume { Name = \"nfs\", {|SM1018:Nfs = new V1NFSVolumeSource { Server = \"nfs\", Path = \"/x\" }|} };")]
    // SM1019 writable-root-filesystem
    [InlineData("var sc = new V1SecurityContext { {|SM1019:ReadOnlyRootFilesystem = false|} };")]
    // SM1020 service-account-token-automount
    [InlineData("var p = new V1PodSpec { {|SM1020:AutomountServiceAccountToken = true|} };")]
    // SM1021 host-path-persistent-volume
    [InlineData("var s = new V1PersistentVolumeSpec { {|SM1021:Local = new V1LocalVolumeSource { Path = \"/mnt\" }|} };")]
    [InlineData("var s = new V1PersistentVolumeSpec { {|SM1021:HostPath = new V1HostPathVolumeSource { Path = \"/mnt\" }|} };")]
    // SM2001 mutable-image-tag
    [InlineData("var c = new V1Container { Name = \"api\", {|SM2001:Image = \"nginx:latest\"|} };")]
    [InlineData("var c = new V1Container { Name = \"api\", {|SM2001:Image = \"registry.example.com:5000/team/api\"|} };")]
    // SM2005 secret-literal-in-env
    [InlineData("var e = new V1EnvVar { Name = \"DB_PASSWORD\", {|SM2005:Value = \"hunter2\"|} };")]
    // SM2010 deprecated-service-account-field
    [InlineData("var p = new V1PodSpec { {|SM2010:ServiceAccount = \"api\"|} };")]
    // SM2011 ssh-port-exposed
    [InlineData("var p = new V1ContainerPort { {|SM2011:ContainerPort = 22|} };")]
    // SM2015 secret-volume-world-readable (420 = 0644)
    [InlineData("var s = new V1SecretVolumeSource { SecretName = \"db\", {|SM2015:DefaultMode = 420|} };")]
    // SM3001 default-service-account
    [InlineData("var p = new V1PodSpec { {|SM3001:ServiceAccountName = \"default\"|} };")]
    // SM3003 cluster-admin-binding
    [InlineData("var r = new V1RoleRef { ApiGroup = \"rbac.authorization.k8s.io\", Kind = \"ClusterRole\", {|SM3003:Name = \"cluster-admin\"|} };")]
    // SM3004 wildcard-rbac-rule
    [InlineData("var r = new V1PolicyRule { ApiGroups = new[] { \"\" }, Resources = new[] { \"configmaps\" }, {|SM3004:Verbs = new[] { \"*\" }|} };")]
    // SM3005 secrets-access
    [InlineData("var r = new V1PolicyRule { ApiGroups = new[] { \"\" }, {|SM3005:Verbs = new[] { \"get\" }|}, Resources = new[] { \"secrets\" } };")]
    // SM3006 workload-creation-access
    [InlineData("var r = new V1PolicyRule { ApiGroups = new[] { \"\", \"apps\" }, Verbs = new[] { \"create\" }, {|SM3006:Resources = new[] { \"pods\", \"deployments\" }|} };")]
    // SM3007 pod-exec-access
    [InlineData("var r = new V1PolicyRule { ApiGroups = new[] { \"\" }, Verbs = new[] { \"get\" }, {|SM3007:Resources = new[] { \"pods/exec\" }|} };")]
    // SM3008 rbac-escalation-verb
    [InlineData("var r = new V1PolicyRule { {|SM3008:Verbs = new[] { \"impersonate\" }|}, Resources = new[] { \"users\" } };")]
    // SM3009 risky-binding-subject
    [InlineData("var s = new Rbacv1Subject { Kind = \"Group\", {|SM3009:Name = \"system:anonymous\"|} };")]
    [InlineData("var s = new Rbacv1Subject { Kind = \"ServiceAccount\", {|SM3009:Name = \"default\"|}, NamespaceProperty = \"shop\" };")]
    // SM3012 rbac-escalation-resource
    [InlineData("var r = new V1PolicyRule { ApiGroups = new[] { \"\" }, Verbs = new[] { \"get\" }, {|SM3012:Resources = new[] { \"nodes/proxy\" }|} };")]
    [InlineData("var r = new V1PolicyRule { ApiGroups = new[] { \"admissionregistration.k8s.io\" }, Verbs = new[] { \"patch\" }, {|SM3012:Resources = new[] { \"mutatingwebhookconfigurations\" }|} };")]
    // SM4001 default-namespace
    [InlineData("var m = new V1ObjectMeta { Name = \"api\", {|SM4001:NamespaceProperty = \"default\"|} };")]
    [InlineData("var s = new V1Secret { Metadata = new V1ObjectMeta() }; {|SM4001:s.Metadata.NamespaceProperty = \"default\"|};")]
    [InlineData("var s = new V1Secret(); s.Metadata = new V1ObjectMeta { Name = \"db\", {|SM4001:NamespaceProperty = \"default\"|} };")]
    // SM4007 namespace-without-pod-security
    [InlineData("var n = new V1Namespace { Metadata = new V1ObjectMeta { Name = \"shop\", {|SM4007:Labels = new Dictionary<string, string> { [\"team\"] = \"shop\" }|} } };")]
    [InlineData("var n = new V1Namespace(); n.Metadata = new V1ObjectMeta { Name = \"shop\", {|SM4007:Labels = new Dictionary<string, string> { [\"team\"] = \"shop\" }|} };")]
    [InlineData("var n = new V1Namespace { Metadata = new V1ObjectMeta { Name = \"shop\", {|SM4007:Labels = new Dictionary<string, string> { { \"pod-security.kubernetes.io/enforce\", \"privileged\" } }|} } };")]
    public Task Fires(string body) => Verify.AnalyzerAsync(InMethod(body));

    [Theory]
    [InlineData("var sc = new V1SecurityContext { Privileged = false, AllowPrivilegeEscalation = false, RunAsNonRoot = true, RunAsUser = 10001, ReadOnlyRootFilesystem = true, ProcMount = \"Default\" };")]
    [InlineData("var p = new V1PodSpec { HostNetwork = false, HostPID = false, HostIPC = false, AutomountServiceAccountToken = false, ServiceAccountName = \"api\" };")]
    [InlineData("var v = new V1Volume { Name = \"data\", EmptyDir = new V1EmptyDirVolumeSource(), HostPath = null };")]
    [InlineData("var p = new V1ContainerPort { ContainerPort = 8080, HostPort = 0 };")]
    [InlineData("var c = new V1Capabilities { Drop = new List<string> { \"ALL\" }, Add = new List<string> { \"NET_BIND_SERVICE\" } };")]
    [InlineData("var c = new V1Capabilities { Drop = [\"ALL\"] };")]
    [InlineData("var s = new V1SeccompProfile { Type = \"RuntimeDefault\" }; var a = new V1AppArmorProfile { Type = \"Localhost\", LocalhostProfile = \"p\" };")]
    [InlineData("var o = new V1SELinuxOptions { Type = \"container_t\", Level = \"s0:c123,c456\" };")]
    [InlineData("var s = new V1Sysctl { Name = \"net.ipv4.tcp_syncookies\", Value = \"1\" };")]
    [InlineData("var w = new V1WindowsSecurityContextOptions { HostProcess = false, RunAsUserName = \"ContainerUser\" };")]
    [InlineData("var g = new V1HTTPGetAction { Port = 8080, Path = \"/healthz\" };")]
    [InlineData("var v = new V1Volume { Name = \"pvc\", PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = \"data\" } };")]
    [InlineData("var s = new V1PersistentVolumeSpec { Csi = new V1CSIPersistentVolumeSource { Driver = \"ebs.csi.aws.com\", VolumeHandle = \"vol-1\" } };")]
    [InlineData("var c = new V1Container { Name = \"api\", Image = \"nginx:1.27.3\" }; var d = new V1Container { Image = \"nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\" };")]
    [InlineData("var e = new V1EnvVar { Name = \"DB_PASSWORD_FILE\", Value = \"/run/secrets/db\" }; var f = new V1EnvVar { Name = \"LOG_LEVEL\", Value = \"debug\" };")]
    [InlineData("var e = new V1EnvVar { Name = \"API_TOKEN\", Value = \"/var/run/secrets/token\" };")]
    [InlineData("var p = new V1ContainerPort { ContainerPort = 22, Protocol = \"UDP\" }; var q = new V1ContainerPort { ContainerPort = 8443 };")]
    [InlineData("var s = new V1SecretVolumeSource { SecretName = \"db\", DefaultMode = 256 };")]
    [InlineData("var r = new V1RoleRef { Kind = \"Role\", Name = \"admin\" }; var q = new V1RoleRef { Kind = \"ClusterRole\", Name = \"view\" };")]
    [InlineData("var r = new V1PolicyRule { ApiGroups = new[] { \"\" }, Verbs = new[] { \"get\", \"list\" }, Resources = new[] { \"configmaps\", \"pods\" } };")]
    [InlineData("var r = new V1PolicyRule { Verbs = new[] { \"create\" }, Resources = new[] { \"configmaps\" } }; var q = new V1PolicyRule { Verbs = new[] { \"get\" }, Resources = new[] { \"mutatingwebhookconfigurations\" } };")]
    [InlineData("var s = new Rbacv1Subject { Kind = \"ServiceAccount\", Name = \"api\", NamespaceProperty = \"shop\" }; var t = new Rbacv1Subject { Kind = \"User\", Name = \"default\" };")]
    [InlineData("var m = new V1ObjectMeta { Name = \"api\", NamespaceProperty = \"shop\", Labels = new Dictionary<string, string> { [\"team\"] = \"shop\" } };")]
    [InlineData("var n = new V1Namespace { Metadata = new V1ObjectMeta { Name = \"shop\", Labels = new Dictionary<string, string> { [\"pod-security.kubernetes.io/enforce\"] = \"restricted\" } } };")]
    [InlineData("var s = new V1ServiceSpec { Type = \"ClusterIP\" };")]
    // Cluster-scoped kinds have no namespace, however the code writes their metadata.
    [InlineData("var r = new V1ClusterRole { Metadata = new V1ObjectMeta { Name = \"reader\", NamespaceProperty = \"default\" } };")]
    [InlineData("var v = new V1PersistentVolume(); v.Metadata = new V1ObjectMeta { Name = \"data\", NamespaceProperty = \"default\" };")]
    [InlineData("var d = new V1CustomResourceDefinition { Metadata = new V1ObjectMeta() }; d.Metadata.NamespaceProperty = \"default\";")]
    public Task DoesNotFire(string body) => Verify.AnalyzerAsync(InMethod(body));
}
