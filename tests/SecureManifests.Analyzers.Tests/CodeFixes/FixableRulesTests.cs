extern alias sdk;

using Microsoft.CodeAnalysis;
using SecureManifests.Analyzers.Tests.Infrastructure;
using SecureManifests.CodeFixes;
using SecureManifests.Tests.Infrastructure;
using RuleCatalog = sdk::SecureManifests.Rules.RuleCatalog;
using RuleLevel = sdk::SecureManifests.Rules.RuleLevel;

namespace SecureManifests.Analyzers.Tests.CodeFixes;

/// <summary>
/// The code-fix provider claims exactly the rules that have a fix: each claimed rule gets a fix on some
/// finding of the per-rule fixtures (or of <see cref="FixOnlyCases"/>), and no fixture finding carries a fix
/// of a rule it does not claim.
/// </summary>
public sealed class FixableRulesTests
{
    /// <summary>Fixable findings the rule fixtures do not show (relaxations without a reason, fixes of second settings).</summary>
    private const string FixOnlyCases = """
        using System.Collections.Generic;
        using k8s;
        using k8s.Models;
        using SecureManifests;
        using SecureManifests.Defaults;

        public static class Definition
        {
            public static IReadOnlyList<IKubernetesObject> Build()
            {
                var app = new App("fix");
                var ns = app.AddNamespace("fix");
                ns.AddDeployment("api", "ghcr.io/acme/api:1.0").WithHostPathVolume("/var/log", "/logs", "");
                ns.AddDeployment("web", "ghcr.io/acme/web:latest").Allow(Relaxation.MutableImageTag, "");
                var sc = new V1PodSecurityContext { RunAsUser = 0 };
                return app.Build();
            }
        }
        """;

    [Fact]
    public async Task The_provider_claims_exactly_the_rules_whose_findings_carry_a_fix()
    {
        var optIn = RuleCatalog.All.Where(r => r.Level == RuleLevel.OptIn).Select(r => r.Id).ToArray();
        var sources = RuleFixtures.All(".cs").Select(f => f.Text).Append(FixOnlyCases);
        var fixable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var diagnostic in await CompiledProgram.Compile(source, optIn).AnalyzeAsync())
            {
                if (diagnostic.Properties.ContainsKey(FixKinds.Key))
                {
                    fixable.Add(diagnostic.Id);
                }
            }
        }

        Assert.Equal(fixable.Order(StringComparer.Ordinal), new SecureSettingCodeFixProvider().FixableDiagnosticIds.Order(StringComparer.Ordinal));
    }
}
