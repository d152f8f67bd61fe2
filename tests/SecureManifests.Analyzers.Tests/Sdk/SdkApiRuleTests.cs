using SecureManifests.Analyzers.Tests.Infrastructure;
using static SecureManifests.Analyzers.Tests.Infrastructure.Snippets;

namespace SecureManifests.Analyzers.Tests.Sdk;

/// <summary>The analyzer rules on the SDK's fluent API, and the relaxation APIs as the sanctioned opt-out.</summary>
public sealed class SdkApiRuleTests
{
    private const string Setup = "var app = new App(\"shop\");\nvar ns = app.AddNamespace(\"shop\");\n";

    [Theory]
    [InlineData("ns.AddDeployment(\"api\", {|SM2001:\"nginx:latest\"|});")]
    [InlineData("ns.AddStatefulSet(\"db\", {|SM2001:\"postgres\"|});")]
    [InlineData("ns.AddDaemonSet(\"agent\", {|SM2001:\"agent:latest\"|});")]
    [InlineData("ns.AddJob(\"migrate\", {|SM2001:\"tools\"|});")]
    [InlineData("ns.AddCronJob(\"backup\", \"0 3 * * *\", {|SM2001:\"backup:latest\"|});")]
    [InlineData("ns.AddDeployment(\"api\", \"api:1.4.2\").WithSidecar(\"proxy\", {|SM2001:\"envoy:latest\"|});")]
    [InlineData("ns.AddDeployment(\"api\", \"api:1.4.2\").WithInitContainer(\"init\", {|SM2001:\"busybox\"|});")]
    [InlineData("ns.AddDeployment(\"api\", \"api:1.4.2\").WithEnv(\"DB_PASSWORD\", {|SM2005:\"hunter2\"|});")]
    [InlineData("ns.AddDeployment(\"api\", \"api:1.4.2\").WithRunAsUser({|SM1009:0|});")]
    [InlineData("ns.AddDeployment(\"api\", \"api:1.4.2\").WithPort(\"ssh\", {|SM2011:22|});")]
    [InlineData("app.AddNamespace({|SM4001:\"default\"|});")]
    // A relaxation whose reason is empty is reported under the relaxed rule's ID.
    [InlineData("ns.AddDeployment(\"api\", \"api:1.4.2\").Allow(Relaxation.Privileged, {|SM1001:\"\"|});")]
    [InlineData("ns.AddDeployment(\"api\", \"api:1.4.2\").Allow(Relaxation.HostNetwork, {|SM1002:\"  \"|});")]
    [InlineData("ns.AddDeployment(\"api\", \"api:1.4.2\").Allow(Relaxation.WritableRootFilesystem, {|SM1019:\"\"|});")]
    [InlineData("ns.AddDeployment(\"api\", \"api:1.4.2\").Allow(Relaxation.PrivilegeEscalation, {|SM1007:\"\"|});")]
    [InlineData("ns.AddDeployment(\"api\", \"api:1.4.2\").Allow(Relaxation.RunAsRoot, {|SM1008:\"\"|});")]
    [InlineData("ns.AddDeployment(\"api\", \"api:1.4.2\").Allow(Relaxation.ServiceAccountToken, {|SM1020:\"\"|});")]
    [InlineData("ns.AddDeployment(\"api\", \"api:1.4.2\").Allow(Relaxation.UnconfinedSeccomp, {|SM1010:\"\"|});")]
    [InlineData("ns.AddDeployment(\"api\", {|SM2001:\"api:latest\"|}).Allow(Relaxation.MutableImageTag, {|SM2001:\"\"|});")]
    [InlineData("ns.AddDeployment(\"api\", \"api:1.4.2\").AllowCapability(\"NET_ADMIN\", {|SM1005:\"\"|});")]
    [InlineData("ns.AddDeployment(\"api\", \"api:1.4.2\").AllowCapability(\"CHOWN\", {|SM1006:\"\"|});")]
    [InlineData("ns.AddDeployment(\"api\", \"api:1.4.2\").WithPort(\"http\", 8080).WithHostPort(\"http\", 8080, {|SM1004:\"\"|});")]
    [InlineData("ns.AddDeployment(\"api\", \"api:1.4.2\").WithHostPathVolume(\"/var/log\", \"/logs\", {|SM1003:\"\"|});")]
    [InlineData("app.Defaults.Allow(Relaxation.ServiceAccountToken, {|SM1020:\"\"|});")]
    // Another workload's relaxation does not excuse this one.
    [InlineData("ns.AddDeployment(\"a\", \"a:latest\").Allow(Relaxation.MutableImageTag, \"dev\");\nns.AddDeployment(\"b\", {|SM2001:\"b:latest\"|});")]
    public Task Fires(string body) => Verify.AnalyzerAsync(InMethod(Setup + body));

    [Theory]
    [InlineData("ns.AddDeployment(\"api\", \"api:1.4.2\").WithSidecar(\"proxy\", \"envoy:1.31\").WithInitContainer(\"init\", \"busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\");")]
    [InlineData("ns.AddDeployment(\"api\", \"api:1.4.2\").WithEnv(\"DB_PASSWORD_FILE\", \"/run/secrets/db\").WithEnv(\"LOG_LEVEL\", \"debug\");")]
    [InlineData("ns.AddDeployment(\"api\", \"api:1.4.2\").WithRunAsUser(10001).WithPort(\"http\", 8080).WithPort(\"dns\", 22, PortProtocol.Udp);")]
    // Relaxations with a real reason are the sanctioned opt-out: no diagnostic.
    [InlineData("ns.AddDeployment(\"api\", \"api:latest\").Allow(Relaxation.MutableImageTag, \"dev cluster tracks the nightly build\");")]
    [InlineData("ns.AddDeployment(\"api\", \"api:1.4.2\").Allow(Relaxation.MutableImageTag, \"nightly sidecar\").WithSidecar(\"proxy\", \"envoy:latest\");")]
    [InlineData("var api = ns.AddDeployment(\"api\", \"api:latest\");\napi.Allow(Relaxation.MutableImageTag, \"dev cluster\");")]
    [InlineData("ns.Defaults.Allow(Relaxation.MutableImageTag, \"preview namespace\");\nns.AddDeployment(\"api\", \"api:latest\");")]
    [InlineData("ns.AddDeployment(\"agent\", \"agent:2.0\").Allow(Relaxation.HostNetwork, \"CNI agent needs the node network\").AllowCapability(\"NET_ADMIN\", \"manages routes\").WithHostPathVolume(\"/var/log\", \"/logs\", \"ships node logs\");")]
    // An unknown value is never reported.
    [InlineData("string image = System.Environment.GetEnvironmentVariable(\"IMAGE\")!;\nns.AddDeployment(\"api\", image);\nvar reason = System.Environment.GetEnvironmentVariable(\"WHY\")!;\nns.AddDeployment(\"b\", \"b:1\").Allow(Relaxation.Privileged, reason);")]
    [InlineData("app.AddNamespace(\"payments\");")]
    public Task DoesNotFire(string body) => Verify.AnalyzerAsync(InMethod(Setup + body));

    [Fact]
    public Task Relaxation_message_says_a_reason_is_required() =>
        Verify.AnalyzerAsync(
            InMethod(Setup + "ns.AddDeployment(\"api\", \"api:1.4.2\").Allow(Relaxation.Privileged, \"\");"),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.ReasonRequired(SecureManifests.Rules.RuleIds.PrivilegedContainer))
                .WithSpan(12, 67, 12, 69)
                .WithArguments("Allow(Relaxation.Privileged)"));
}
