using SecureManifests.Rules;
using SecureManifests.Tests.Infrastructure;

namespace SecureManifests.Tests.Rules;

/// <summary>
/// docs/rules/ is generated from the catalogue. These tests fail when a page is stale, missing or orphaned;
/// with <c>SECUREMANIFESTS_UPDATE_DOCS=1</c> they rewrite the pages instead.
/// </summary>
public sealed class RuleDocsTests
{
    private static string DocsDirectory => Path.Combine(TestPaths.RepositoryRoot, "docs", "rules");

    private static bool Updating =>
        string.Equals(Environment.GetEnvironmentVariable("SECUREMANIFESTS_UPDATE_DOCS"), "1", StringComparison.Ordinal);

    public static TheoryData<string> RuleIdsInCatalog()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.All)
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIdsInCatalog))]
    public void Rule_page_matches_the_catalogue(string id)
    {
        var rule = RuleCatalog.Get(id);
        AssertOrUpdate(RuleDocumentation.FileName(rule), RuleDocumentation.RenderPage(rule));
    }

    [Fact]
    public void Index_page_matches_the_catalogue() =>
        AssertOrUpdate(RuleDocumentation.IndexFileName, RuleDocumentation.RenderIndex(RuleCatalog.All));

    [Fact]
    public void Every_page_belongs_to_a_rule()
    {
        var orphans = Directory.GetFiles(DocsDirectory, "*.md")
            .Select(Path.GetFileName)
            .Where(name => name != RuleDocumentation.IndexFileName &&
                           !IsBuildStepPage(name!) &&
                           RuleCatalog.Find(Path.GetFileNameWithoutExtension(name!)) is null)
            .ToList();

        Assert.True(orphans.Count == 0, "docs pages without a rule in the catalogue: " + string.Join(", ", orphans));
    }

    [Fact]
    public void A_page_names_the_waiver_annotation_and_the_suppression()
    {
        var page = RuleDocumentation.RenderPage(RuleCatalog.Get(RuleIds.WritableRootFilesystem));

        Assert.Contains("securemanifests.io/ignore-SM1019: \"", page, StringComparison.Ordinal);
        Assert.Contains("[SuppressMessage(\"SecureManifests\", \"SM1019\", Justification =", page, StringComparison.Ordinal);
        Assert.Contains("kube-linter no-read-only-root-fs", page, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", page, StringComparison.Ordinal);
    }

    // SM0xxx pages document the build step's own diagnostics ([ManifestApp] definitions, synth host); they are
    // hand-written and not manifest rules, so the catalogue does not list them.
    // SM0xxx pages document the build step's and the analyzers' own diagnostics, not catalogue rules; they are hand-written.
    private static bool IsBuildStepPage(string fileName) => fileName.StartsWith("SM0", StringComparison.Ordinal);

    private static void AssertOrUpdate(string fileName, string expected)
    {
        var path = Path.Combine(DocsDirectory, fileName);
        if (Updating)
        {
            Directory.CreateDirectory(DocsDirectory);
            File.WriteAllText(path, expected);
            return;
        }

        Assert.True(File.Exists(path),
            $"docs/rules/{fileName} is missing; run the tests with SECUREMANIFESTS_UPDATE_DOCS=1 to generate it");
        Assert.True(File.ReadAllText(path) == expected,
            $"docs/rules/{fileName} is stale; run the tests with SECUREMANIFESTS_UPDATE_DOCS=1 to regenerate it");
    }
}
