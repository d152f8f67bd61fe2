using SecureManifests.Analyzers.Tests.Infrastructure;
using static SecureManifests.Analyzers.Tests.Infrastructure.Snippets;

namespace SecureManifests.Analyzers.Tests.CodeFixes;

/// <summary>
/// Every fix before/after. The testing framework also applies Fix All at document, project and solution scope
/// to each of these and checks the same result; <see cref="Fix_all_fixes_every_document_in_the_solution"/> adds
/// the multi-document case.
/// </summary>
public sealed class CodeFixTests
{
    [Theory]
    [InlineData("var sc = new V1SecurityContext { {|SM1001:Privileged = true|} };", "var sc = new V1SecurityContext { Privileged = false };")]
    [InlineData("var sc = new V1SecurityContext { {|SM1007:AllowPrivilegeEscalation = true|} };", "var sc = new V1SecurityContext { AllowPrivilegeEscalation = false };")]
    [InlineData("var sc = new V1SecurityContext { {|SM1019:ReadOnlyRootFilesystem = false|} };", "var sc = new V1SecurityContext { ReadOnlyRootFilesystem = true };")]
    [InlineData("var sc = new V1PodSecurityContext { {|SM1008:RunAsNonRoot = false|} };", "var sc = new V1PodSecurityContext { RunAsNonRoot = true };")]
    [InlineData("var p = new V1PodSpec { {|SM1002:HostNetwork = true|}, {|SM1002:HostPID = true|} };", "var p = new V1PodSpec { HostNetwork = false, HostPID = false };")]
    [InlineData("var p = new V1PodSpec { {|SM1020:AutomountServiceAccountToken = true|} };", "var p = new V1PodSpec { AutomountServiceAccountToken = false };")]
    [InlineData("var w = new V1WindowsSecurityContextOptions { {|SM1016:HostProcess = true|} };", "var w = new V1WindowsSecurityContextOptions { HostProcess = false };")]
    [InlineData("var s = new V1SeccompProfile { {|SM1010:Type = \"Unconfined\"|} };", "var s = new V1SeccompProfile { Type = \"RuntimeDefault\" };")]
    [InlineData("var a = new V1AppArmorProfile { {|SM1012:Type = \"Unconfined\"|} };", "var a = new V1AppArmorProfile { Type = \"RuntimeDefault\" };")]
    [InlineData("var sc = new V1SecurityContext { {|SM1014:ProcMount = \"Unmasked\"|} };", "var sc = new V1SecurityContext { ProcMount = \"Default\" };")]
    [InlineData("var sc = new V1SecurityContext();\n{|SM1001:sc.Privileged = true|};", "var sc = new V1SecurityContext();\nsc.Privileged = false;")]
    public Task Flips_to_the_safe_value(string before, string after) => Verify.CodeFixAsync(InMethod(before), InMethod(after));

    [Theory]
    [InlineData("var p = new V1ContainerPort { ContainerPort = 8080, {|SM1004:HostPort = 8080|} };", "var p = new V1ContainerPort { ContainerPort = 8080 };")]
    [InlineData("var g = new V1HTTPGetAction { Port = 8080, {|SM1017:Host = \"10.0.0.1\"|}, Path = \"/healthz\" };", "var g = new V1HTTPGetAction { Port = 8080, Path = \"/healthz\" };")]
    [InlineData("var o = new V1SELinuxOptions { {|SM1013:User = \"system_u\"|}, Level = \"s0\" };", "var o = new V1SELinuxOptions { Level = \"s0\" };")]
    [InlineData("var c = new V1Capabilities { Drop = new[] { \"ALL\" }, {|SM1005:{|SM1006:Add = new List<string> { \"SYS_ADMIN\" }|}|} };", "var c = new V1Capabilities { Drop = new[] { \"ALL\" } };")]
    [InlineData("var p = new V1ContainerPort { ContainerPort = 8080 };\n{|SM1004:p.HostPort = 80|};\n", "var p = new V1ContainerPort { ContainerPort = 8080 };\n")]
    [InlineData("var sc = new V1PodSecurityContext { RunAsNonRoot = true, {|SM1009:RunAsUser = 0|} };", "var sc = new V1PodSecurityContext { RunAsNonRoot = true };")]
    public Task Removes_the_unsafe_assignment(string before, string after) => Verify.CodeFixAsync(InMethod(before), InMethod(after));

    [Fact]
    public Task Adds_drop_all_to_capabilities_without_drop() =>
        Verify.CodeFixAsync(
            InMethod("var sc = new V1SecurityContext { Capabilities = {|SM1006:new V1Capabilities { Add = new List<string> { \"NET_BIND_SERVICE\" } }|} };"),
            InMethod("var sc = new V1SecurityContext { Capabilities = new V1Capabilities { Drop = new[] { \"ALL\" }, Add = new List<string> { \"NET_BIND_SERVICE\" } } };"));

    [Fact]
    public Task Replaces_a_drop_list_without_all() =>
        Verify.CodeFixAsync(
            InMethod("var c = new V1Capabilities { {|SM1006:Drop = new List<string> { \"NET_RAW\" }|} };"),
            InMethod("var c = new V1Capabilities { Drop = new[] { \"ALL\" } };"));

    [Theory]
    [InlineData(
        "ns.AddDeployment(\"api\", \"api:1.4.2\").Allow(Relaxation.Privileged, {|SM1001:\"\"|}).WithPort(\"http\", 8080);",
        "ns.AddDeployment(\"api\", \"api:1.4.2\").WithPort(\"http\", 8080);")]
    [InlineData(
        "ns.AddDeployment(\"api\", \"api:1.4.2\")\n    .WithPort(\"http\", 8080)\n    .AllowCapability(\"NET_ADMIN\", {|SM1005:\"\"|})\n    .WithRunAsUser(10001);",
        "ns.AddDeployment(\"api\", \"api:1.4.2\")\n    .WithPort(\"http\", 8080)\n    .WithRunAsUser(10001);")]
    [InlineData(
        "app.Defaults.Allow(Relaxation.ServiceAccountToken, {|SM1020:\"\"|});\nns.AddDeployment(\"api\", \"api:1.4.2\");",
        "ns.AddDeployment(\"api\", \"api:1.4.2\");")]
    [InlineData(
        "var api = ns.AddDeployment(\"api\", \"api:1.4.2\");\napi.WithHostPathVolume(\"/var/log\", \"/logs\", {|SM1003:\" \"|});",
        "var api = ns.AddDeployment(\"api\", \"api:1.4.2\");")]
    public Task Removes_a_reasonless_relaxation_from_the_fluent_chain(string before, string after) =>
        Verify.CodeFixAsync(
            InMethod("var app = new App(\"shop\");\nvar ns = app.AddNamespace(\"shop\");\n" + before),
            InMethod("var app = new App(\"shop\");\nvar ns = app.AddNamespace(\"shop\");\n" + after));

    [Fact]
    public Task Fix_all_applies_every_fix_of_one_initializer_in_one_pass() =>
        Verify.CodeFixAsync(
            InMethod("""
                var sc = new V1SecurityContext
                {
                    {|SM1001:Privileged = true|},
                    {|SM1007:AllowPrivilegeEscalation = true|},
                    {|SM1009:RunAsUser = 0|},
                    Capabilities = {|SM1006:new V1Capabilities { {|SM1005:Add = new List<string> { "SYS_ADMIN" }|} }|},
                    {|SM1014:ProcMount = "Unmasked"|},
                };
                """),
            InMethod("""
                var sc = new V1SecurityContext
                {
                    Privileged = false,
                    AllowPrivilegeEscalation = false,
                    Capabilities = new V1Capabilities { Drop = new[] { "ALL" } },
                    ProcMount = "Default",
                };
                """),
            iterations: 6);

    [Fact]
    public Task Fix_all_removes_every_reasonless_relaxation_of_one_chain() =>
        Verify.CodeFixAsync(
            InMethod("var app = new App(\"shop\");\nvar ns = app.AddNamespace(\"shop\");\nns.AddDeployment(\"api\", \"api:1.4.2\").Allow(Relaxation.Privileged, {|SM1001:\"\"|}).Allow(Relaxation.HostNetwork, {|SM1002:\"\"|}).WithPort(\"http\", 8080);"),
            InMethod("var app = new App(\"shop\");\nvar ns = app.AddNamespace(\"shop\");\nns.AddDeployment(\"api\", \"api:1.4.2\").WithPort(\"http\", 8080);"),
            iterations: 2);

    [Fact]
    public Task Findings_without_a_mechanical_fix_are_left_alone() =>
        Verify.NoFixAsync(InMethod("var c = new V1Container { {|SM2001:Image = \"nginx:latest\"|} };"));

    [Fact]
    public Task Fix_all_fixes_every_document_in_the_solution() =>
        Verify.FixAllAsync(
            [
                InMethod("var sc = new V1SecurityContext { {|SM1001:Privileged = true|}, {|SM1007:AllowPrivilegeEscalation = true|}, {|SM1019:ReadOnlyRootFilesystem = false|} };\nvar sc2 = new V1SecurityContext { {|SM1001:Privileged = true|} };").Replace("class C", "class A", StringComparison.Ordinal),
                InMethod("var p = new V1PodSpec { {|SM1002:HostNetwork = true|}, {|SM1002:HostIPC = true|}, {|SM1020:AutomountServiceAccountToken = true|} };\nvar port = new V1ContainerPort { ContainerPort = 8080, {|SM1004:HostPort = 80|} };").Replace("class C", "class B", StringComparison.Ordinal),
            ],
            [
                InMethod("var sc = new V1SecurityContext { Privileged = false, AllowPrivilegeEscalation = false, ReadOnlyRootFilesystem = true };\nvar sc2 = new V1SecurityContext { Privileged = false };").Replace("class C", "class A", StringComparison.Ordinal),
                InMethod("var p = new V1PodSpec { HostNetwork = false, HostIPC = false, AutomountServiceAccountToken = false };\nvar port = new V1ContainerPort { ContainerPort = 8080 };").Replace("class C", "class B", StringComparison.Ordinal),
            ]);
}
