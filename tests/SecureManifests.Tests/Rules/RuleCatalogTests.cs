using System.Reflection;
using System.Text.RegularExpressions;
using SecureManifests.Rules;
using SecureManifests.Tests.Infrastructure;

namespace SecureManifests.Tests.Rules;

public sealed class RuleCatalogTests
{
    private static readonly char[] ReferenceSeparators = { ';', ',' };

    private static string RulesSpec =>
        Path.GetFullPath(Path.Combine(TestPaths.RepositoryRoot, "..", "shared", "spec", "rules.md"));

    [Fact]
    public void Catalogue_has_every_rule_id_constant_exactly_once_in_id_order()
    {
        var constants = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(61, RuleCatalog.All.Count);
        Assert.Equal(constants, RuleCatalog.All.Select(r => r.Id).ToList());
    }

    [Fact]
    public void Every_rule_has_distinct_name_texts_and_a_help_link()
    {
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count());
        foreach (var rule in RuleCatalog.All)
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", rule.Name);
            Assert.Contains("{0}", rule.MessageFormat, StringComparison.Ordinal);
            Assert.True(rule.Rationale.Length > 80, $"{rule.Id} needs a real rationale");
            // Every rule is checked by lint, and at synth too unless it is about the text as written (SM2018: field
            // names an object built in C# cannot hold).
            Assert.Equal(rule.Id != RuleIds.UnknownField, (rule.EnforcedBy & RuleEnforcementPoints.Synth) != 0);
            Assert.NotEqual(RuleEnforcementPoints.None, rule.EnforcedBy & RuleEnforcementPoints.Lint);
            Assert.Equal(
                "https://github.com/securemanifests/securemanifests/blob/main/docs/rules/" + rule.Id + ".md", rule.HelpUri);
        }
    }

    [Theory]
    [InlineData(RuleLevel.Baseline, RuleSeverity.Error)]
    [InlineData(RuleLevel.Restricted, RuleSeverity.Error)]
    [InlineData(RuleLevel.OptIn, RuleSeverity.Info)]
    public void Severity_follows_the_level(RuleLevel level, RuleSeverity severity)
    {
        Assert.All(RuleCatalog.All.Where(r => r.Level == level), r => Assert.Equal(severity, r.DefaultSeverity));
    }

    [Fact]
    public void Secure_rules_are_warnings_except_cluster_admin_binding_which_stops_synth()
    {
        Assert.Equal(RuleSeverity.Error, RuleCatalog.Get(RuleIds.ClusterAdminBinding).DefaultSeverity);
        Assert.All(RuleCatalog.All.Where(r => r.Level == RuleLevel.Secure && r.Id != RuleIds.ClusterAdminBinding),
            r => Assert.Equal(RuleSeverity.Warning, r.DefaultSeverity));
    }

    [Theory]
    [InlineData(RuleProfile.Baseline, 12)]
    [InlineData(RuleProfile.Restricted, 18)]
    [InlineData(RuleProfile.Secure, 54)]
    [InlineData(RuleProfile.All, 61)]
    public void Profiles_nest(RuleProfile profile, int count) =>
        Assert.Equal(count, RuleCatalog.All.Count(r => r.IsInProfile(profile)));

    [Fact]
    public void Unknown_id_is_not_found_and_get_names_it()
    {
        Assert.Null(RuleCatalog.Find("SM9999"));
        var error = Assert.Throws<ArgumentException>(() => RuleCatalog.Get("SM9999"));
        Assert.Contains("SM9999", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The spec's tables are the contract: ID, name, Lvl and Where must match them row for row.</summary>
    [ConformanceFact]
    public void Catalogue_matches_every_row_of_the_rules_spec()
    {
        Assert.True(File.Exists(RulesSpec), $"rules spec not found at {RulesSpec}");
        var rows = Regex.Matches(File.ReadAllText(RulesSpec),
            @"^\| (SM\d{4}) \| ([a-z0-9-]+) \| ([BRSO]) \| ([ASL ]+) \| .* \| (.+) \|$", RegexOptions.Multiline);

        Assert.Equal(60, rows.Count);
        foreach (Match row in rows)
        {
            var rule = RuleCatalog.Get(row.Groups[1].Value);
            Assert.Equal(row.Groups[2].Value, rule.Name);
            Assert.Equal(row.Groups[3].Value, rule.Level switch
            {
                RuleLevel.Baseline => "B",
                RuleLevel.Restricted => "R",
                RuleLevel.Secure => "S",
                _ => "O",
            });
            var where = row.Groups[4].Value;
            Assert.Equal(where.Contains('A', StringComparison.Ordinal),
                (rule.EnforcedBy & RuleEnforcementPoints.Analyzer) != 0);

            // Every source the spec cites (PSA check, kube-linter check, audit finding, ...) is in the references.
            var references = string.Join(" ; ", rule.References);
            foreach (var item in row.Groups[5].Value.Split(ReferenceSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                // "kube-linter drop-net-raw-capability (add)": the parenthesis is a note, not part of the name.
                var cut = item.IndexOf(" (", StringComparison.Ordinal);
                var source = cut > 0 ? item[..cut] : item;
                var lastWord = source[(source.LastIndexOf(' ') + 1)..].Trim('"');
                Assert.True(references.Contains(lastWord, StringComparison.OrdinalIgnoreCase),
                    $"{rule.Id}: reference '{item}' of the spec is missing from [{references}]");
            }
        }
    }
}
