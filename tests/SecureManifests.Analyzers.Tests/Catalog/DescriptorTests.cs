using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SecureManifests.Analyzers.Tests.Infrastructure;
using SecureManifests.Rules;

namespace SecureManifests.Analyzers.Tests.Catalog;

/// <summary>The descriptors come from the catalogue, link to existing docs, and match the release tracking file.</summary>
public sealed partial class DescriptorTests
{
    private static readonly DiagnosticDescriptor[] All = Verify.AllAnalyzers().SelectMany(a => a.SupportedDiagnostics).ToArray();

    /// <summary>IDs the analyzers report that are not catalogue rules: SM0001 (their own) and SM0106 (the build step's).</summary>
    private static readonly string[] OwnIds = ["SM0001", "SM0106"];

    [Fact]
    public void Every_catalogue_rule_marked_A_has_a_descriptor_and_no_other_catalogue_rule_does()
    {
        var analyzerRules = RuleCatalog.All.Where(r => (r.EnforcedBy & RuleEnforcementPoints.Analyzer) != 0).Select(r => r.Id).Order(StringComparer.Ordinal);
        var reported = All.Select(d => d.Id).Where(id => !OwnIds.Contains(id)).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(analyzerRules, reported);
    }

    [Fact]
    public void Every_help_link_points_at_an_existing_docs_page()
    {
        foreach (var descriptor in All)
        {
            var expected = RuleDescriptor.HelpUriBase + descriptor.Id + ".md";
            Assert.Equal(expected, descriptor.HelpLinkUri);
            Assert.True(File.Exists(Repository.PathOf("docs", "rules", descriptor.Id + ".md")), $"docs/rules/{descriptor.Id}.md is missing");
        }
    }

    [Fact]
    public void Title_severity_and_enablement_come_from_the_catalogue()
    {
        foreach (var descriptor in All.Where(d => !OwnIds.Contains(d.Id)))
        {
            var rule = RuleCatalog.Get(descriptor.Id);
            Assert.Equal("SecureManifests", descriptor.Category);
            Assert.Equal(rule.Title, descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(rule.Level != RuleLevel.OptIn, descriptor.IsEnabledByDefault);
            var expected = rule.DefaultSeverity switch
            {
                RuleSeverity.Error => DiagnosticSeverity.Error,
                RuleSeverity.Warning => DiagnosticSeverity.Warning,
                _ => DiagnosticSeverity.Info,
            };
            Assert.Equal(expected, descriptor.DefaultSeverity);
        }
    }

    [Fact]
    public void Messages_start_with_the_catalogue_message()
    {
        foreach (var descriptor in All.Where(d => !OwnIds.Contains(d.Id) && !d.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture).Contains("without a reason", StringComparison.Ordinal)))
        {
            Assert.StartsWith(RuleCatalog.Get(descriptor.Id).MessageFormat, descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_shipped_release_file_lists_exactly_the_descriptors()
    {
        var path = Repository.PathOf("analyzers", "SecureManifests.Analyzers", "AnalyzerReleases.Shipped.md");
        var rows = File.ReadAllLines(path)
            .Select(line => ReleaseRow().Match(line))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups["id"].Value, m => m.Groups["severity"].Value, StringComparer.Ordinal);

        var descriptors = All.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Assert.Equal(descriptors.Keys.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, descriptor) in descriptors)
        {
            var severity = descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled";
            Assert.True(severity == rows[id], $"{id}: release file says {rows[id]}, descriptor says {severity}");
        }

        var unshipped = File.ReadAllLines(Repository.PathOf("analyzers", "SecureManifests.Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.DoesNotContain(unshipped, line => ReleaseRow().IsMatch(line));
    }

    [GeneratedRegex(@"^(?<id>SM\d{4})\s*\|\s*SecureManifests\s*\|\s*(?<severity>\w+)\s*\|")]
    private static partial Regex ReleaseRow();
}
