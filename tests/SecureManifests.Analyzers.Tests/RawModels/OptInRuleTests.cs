using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SecureManifests.Analyzers.Tests.Infrastructure;
using static SecureManifests.Analyzers.Tests.Infrastructure.Snippets;

namespace SecureManifests.Analyzers.Tests.RawModels;

/// <summary>Opt-in (Lvl O) rules: off by default, and correct when switched on.</summary>
public sealed class OptInRuleTests
{
    [Theory]
    [InlineData("SM2002")]
    [InlineData("SM2006")]
    [InlineData("SM2012")]
    [InlineData("SM4005")]
    public void Opt_in_rules_are_disabled_by_default(string id) =>
        Assert.All(Descriptors.RawModel.Where(d => d.Id == id), d => Assert.False(d.IsEnabledByDefault));

    [Fact]
    public Task Opt_in_rules_fire_when_enabled() =>
        Verify.WithOptInRulesAsync(
            InMethod("""
                var c = new V1Container { Name = "api", {|#0:Image = "nginx:1.27"|} };
                var p = new V1ContainerPort { {|#1:ContainerPort = 443|} };
                var e = new V1EnvVarSource { {|#2:SecretKeyRef = new V1SecretKeySelector { Name = "db", Key = "password" }|} };
                var s = new V1ServiceSpec { {|#3:Type = "LoadBalancer"|} };
                var ok = new V1Container { Image = "nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" };
                var high = new V1ContainerPort { ContainerPort = 8443 };
                var svc = new V1ServiceSpec { Type = "ClusterIP" };
                """),
            new DiagnosticResult("SM2002", DiagnosticSeverity.Info).WithLocation(0).WithArguments("api", "Image = \"nginx:1.27\""),
            new DiagnosticResult("SM2012", DiagnosticSeverity.Info).WithLocation(1).WithArguments("(unnamed)", "ContainerPort = 443"),
            new DiagnosticResult("SM2006", DiagnosticSeverity.Info).WithLocation(2).WithArguments("(unnamed)", "SecretKeyRef is set"),
            new DiagnosticResult("SM4005", DiagnosticSeverity.Info).WithLocation(3).WithArguments("(unnamed)", "Type = \"LoadBalancer\""));
}
