extern alias sdk;

using SecureManifests.Analyzers.Tests.Infrastructure;
using SecureManifests.Tests.Infrastructure;
using RuleCatalog = sdk::SecureManifests.Rules.RuleCatalog;
using RuleEngineOptions = sdk::SecureManifests.Rules.RuleEngineOptions;
using RuleEnforcementPoints = sdk::SecureManifests.Rules.RuleEnforcementPoints;
using RuleLevel = sdk::SecureManifests.Rules.RuleLevel;
using RuleProfile = sdk::SecureManifests.Rules.RuleProfile;

namespace SecureManifests.Analyzers.Tests.Fixtures;

/// <summary>
/// The per-rule C# fixtures of <c>tests/fixtures/rules/</c>, driven by the catalogue: every analyzer rule has an insecure
/// and a secure snippet; the analyzer reports the rule on exactly the lines marked <c>// expect: ID</c> (opt-in rules
/// switched on), and the rule engine (profile all) finds the same rule in the objects the compiled snippet builds.
/// </summary>
public sealed class RuleFixtureTests
{
    private static readonly string[] OptInRules = RuleCatalog.All.Where(r => r.Level == RuleLevel.OptIn).Select(r => r.Id).ToArray();

    public static TheoryData<string> CSharp => RuleFixtures.Names(".cs");

    [Fact]
    public void Every_analyzer_rule_has_an_insecure_and_a_secure_snippet_and_every_snippet_a_rule() =>
        Assert.Empty(RuleFixtures.Problems(
            ".cs",
            RuleCatalog.All.Select(r => r.Id),
            id => (RuleCatalog.Get(id).EnforcedBy & RuleEnforcementPoints.Analyzer) != 0));

    [Theory]
    [MemberData(nameof(CSharp))]
    public async Task Analyzer_reports_the_rule_on_the_marked_lines_only(string fixture)
    {
        var file = RuleFixtures.Get(fixture);

        var diagnostics = await CompiledProgram.Compile(file.Text, OptInRules).AnalyzeAsync();

        // One finding per offending setting: a marked line reports the rule once.
        var reported = diagnostics.Where(d => d.Id == file.RuleId).ToList();
        var lines = reported
            .Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1)
            .Order()
            .ToList();
        Assert.Equal(file.ExpectedLines, lines);

        // Messages name the object or container, never a KubernetesClient type.
        Assert.All(reported, d => Assert.DoesNotMatch(@"'V\d+\w*'", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [MemberData(nameof(CSharp))]
    public void Engine_agrees_on_the_objects_the_snippet_builds(string fixture)
    {
        var file = RuleFixtures.Get(fixture);

        var findings = CompiledProgram.Compile(file.Text).Evaluate(new RuleEngineOptions { Profile = RuleProfile.All })
            .Where(f => f.RuleId == file.RuleId)
            .Select(f => $"{f.Kind} {f.Name}: {f.Path}")
            .ToList();

        if (file.IsInsecure)
        {
            Assert.NotEmpty(findings);
        }
        else
        {
            Assert.Empty(findings);
        }
    }
}
