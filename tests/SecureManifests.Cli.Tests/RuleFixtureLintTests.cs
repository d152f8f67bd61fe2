using System.Text.Json;
using SecureManifests.Cli.Tests.Infrastructure;
using SecureManifests.Rules;
using SecureManifests.Tests.Infrastructure;

namespace SecureManifests.Cli.Tests;

/// <summary>
/// The per-rule YAML fixtures of <c>tests/fixtures/rules/</c>, driven by the catalogue: every rule has an insecure and
/// a secure manifest, and the built tool, run as a user runs it (one process per fixture, so set rules see only that
/// fixture), reports the rule exactly at the paths the insecure file declares and not at all on the secure one.
/// </summary>
public sealed class RuleFixtureLintTests
{
    public static TheoryData<string> Yaml => RuleFixtures.Names(".yaml");

    [Fact]
    public void Every_catalogue_rule_has_an_insecure_and_a_secure_manifest_and_every_fixture_a_rule() =>
        Assert.Empty(RuleFixtures.Problems(".yaml", RuleCatalog.All.Select(r => r.Id), _ => true));

    [Theory]
    [MemberData(nameof(Yaml))]
    public void Lint_reports_the_rule_exactly_at_the_expected_paths(string fixture)
    {
        var file = RuleFixtures.Get(fixture);

        var result = CliProcess.Run(Path.GetDirectoryName(file.FullPath)!, ["lint", file.FileName, "--format", "json", "--profile", "all"]).Result;

        Assert.True(result.ExitCode is ExitCodes.Success or ExitCodes.Findings, result.Describe());
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Empty(json.RootElement.GetProperty("readErrors").EnumerateArray());
        var paths = json.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("ruleId").GetString() == file.RuleId)
            .Select(f => f.GetProperty("path").GetString() ?? "(null)")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(file.ExpectedPaths, paths);
    }
}
