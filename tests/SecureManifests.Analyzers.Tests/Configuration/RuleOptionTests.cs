using SecureManifests.Analyzers.Tests.Infrastructure;
using static SecureManifests.Analyzers.Tests.Infrastructure.Snippets;

namespace SecureManifests.Analyzers.Tests.Configuration;

/// <summary><c>secure_manifests.secret_name_pattern</c> replaces the secret-name markers of SM2005.</summary>
public sealed class RuleOptionTests
{
    private const string Code = """
        var app = new App("shop");
        var ns = app.AddNamespace("shop");
        ns.AddDeployment("api", "api:1.0").WithEnv("DB_PASSWORD", @PASSWORD@).WithEnv("STRIPE_KEY", @STRIPE@);
        var e = new V1EnvVar { Name = "STRIPE_KEY", @VALUE@ };
        """;

    [Fact]
    public Task Default_markers_flag_password_but_not_key() =>
        Verify.AnalyzerAsync(InMethod(Code
            .Replace("@PASSWORD@", "{|SM2005:\"hunter2\"|}", StringComparison.Ordinal)
            .Replace("@STRIPE@", "\"sk_live_1\"", StringComparison.Ordinal)
            .Replace("@VALUE@", "Value = \"sk_live_1\"", StringComparison.Ordinal)));

    [Fact]
    public Task Configured_pattern_replaces_the_markers() =>
        Verify.AnalyzerAsync(
            InMethod(Code
                .Replace("@PASSWORD@", "\"hunter2\"", StringComparison.Ordinal)
                .Replace("@STRIPE@", "{|SM2005:\"sk_live_1\"|}", StringComparison.Ordinal)
                .Replace("@VALUE@", "{|SM2005:Value = \"sk_live_1\"|}", StringComparison.Ordinal)),
            "secure_manifests.secret_name_pattern = _KEY$\n");

    [Fact]
    public Task An_invalid_pattern_falls_back_to_the_markers_without_crashing() =>
        Verify.AnalyzerAsync(
            InMethod(Code
                .Replace("@PASSWORD@", "{|SM2005:\"hunter2\"|}", StringComparison.Ordinal)
                .Replace("@STRIPE@", "\"sk_live_1\"", StringComparison.Ordinal)
                .Replace("@VALUE@", "Value = \"sk_live_1\"", StringComparison.Ordinal)),
            "secure_manifests.secret_name_pattern = ([unclosed\n");
}
