using System.Text.Json;
using SecureManifests.Cli.Tests.Infrastructure;
using SecureManifests.Rules;

namespace SecureManifests.Cli.Tests;

/// <summary><c>rules</c> lists the catalogue; <c>explain</c> prints a rule's docs page.</summary>
public sealed class RulesAndExplainTests
{
    private static readonly string Here = Path.GetTempPath();

    [Fact]
    public void Rules_lists_every_rule_of_the_catalogue_with_severity_and_profiles()
    {
        var result = Tool.Run(Here, ["rules"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.StartsWith("ID      NAME", result.OutputLines[0], StringComparison.Ordinal);
        var rows = result.OutputLines.Skip(1).ToList();
        Assert.Equal(RuleCatalog.All.Select(r => r.Id), rows.Select(r => r[..6]));
        var privileged = rows.Single(r => r.StartsWith("SM1001", StringComparison.Ordinal));
        Assert.Matches(@"^SM1001 +privileged-container +error +baseline,restricted,secure,all +Containers must not run privileged$", privileged);
        var digest = rows.Single(r => r.StartsWith("SM2002", StringComparison.Ordinal));
        Assert.Matches(@"^SM2002 +image-not-pinned-by-digest +info +all +", digest);
    }

    [Fact]
    public void Rules_as_json_carries_the_catalogue_fields()
    {
        var result = Tool.Run(Here, ["rules", "--format", "json"]);

        using var json = JsonDocument.Parse(result.StandardOutput);
        var rules = json.RootElement.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(RuleCatalog.All.Count, rules.Count);
        var first = rules.Single(r => r.GetProperty("id").GetString() == "SM1006");
        Assert.Equal("capabilities-not-dropped", first.GetProperty("name").GetString());
        Assert.Equal("error", first.GetProperty("defaultSeverity").GetString());
        Assert.Equal("restricted", first.GetProperty("level").GetString());
        Assert.Equal(["restricted", "secure", "all"], first.GetProperty("profiles").EnumerateArray().Select(p => p.GetString()!).ToArray());
        Assert.Equal(RuleCatalog.Get("SM1006").HelpUri, first.GetProperty("helpUri").GetString());
    }

    [Theory]
    [InlineData("SM1001")]
    [InlineData("sm1001")]
    [InlineData("privileged-container")]
    public void Explain_markdown_prints_the_docs_page_of_the_rule(string id)
    {
        var result = Tool.Run(Here, ["explain", id, "--markdown"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(RuleDocumentation.RenderPage(RuleCatalog.Get("SM1001")), result.StandardOutput);
        Assert.StartsWith("# SM1001: Containers must not run privileged\n", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_renders_the_page_as_terminal_text()
    {
        var result = Tool.Run(Here, ["explain", "SM1001"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.StartsWith("SM1001: Containers must not run privileged\n==========================================\n\nID                `SM1001`\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\nWhy it matters\n--------------\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\n- PSA check `privileged`\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\n    securityContext:\n      privileged: false\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("```", result.StandardOutput, StringComparison.Ordinal);
        Assert.All(result.OutputLines, line => Assert.True(line.Length <= 100, line));
    }

    [Fact]
    public void On_a_terminal_headings_are_bold()
    {
        var result = Tool.Run(Here, ["explain", "SM1001"], terminal: true, new Dictionary<string, string>());

        Assert.StartsWith("\u001b[1mSM1001: Containers must not run privileged\u001b[0m\n", result.StandardOutput, StringComparison.Ordinal);
    }

    public static TheoryData<string> RulePages() =>
        [.. Directory.GetFiles(Path.Combine(SecureManifests.Tests.Infrastructure.TestPaths.RepositoryRoot, "docs", "rules"), "SM*.md").Select(page => Path.GetFileNameWithoutExtension(page)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(RulePages))]
    public void Every_rule_page_renders_without_table_pipes_link_syntax_or_emphasis_markers(string id)
    {
        var text = Tool.Run(Here, ["explain", id]).StandardOutput;

        // Code blocks (indented four spaces) show code as written; everything else must be plain text.
        var prose = text.Split('\n').Where(line => !line.StartsWith("    ", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(prose, line => line.TrimStart().StartsWith('|') || line.TrimEnd().EndsWith('|'));
        Assert.DoesNotContain(prose, line => line.Contains("](", StringComparison.Ordinal) || line.Contains("|---", StringComparison.Ordinal));
        Assert.DoesNotContain(prose, line => line.Contains("**", StringComparison.Ordinal) || line.StartsWith('#'));
        Assert.DoesNotContain("```", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_docs_page_in_the_repository_is_what_explain_markdown_prints()
    {
        foreach (var rule in RuleCatalog.All)
        {
            var page = Path.Combine(SecureManifests.Tests.Infrastructure.TestPaths.RepositoryRoot, "docs", "rules", rule.Id + ".md");
            Assert.Equal(File.ReadAllText(page), Tool.Run(Here, ["explain", rule.Id, "--markdown"]).StandardOutput);
        }
    }

    [Theory]
    [InlineData("SM1100", "error: 'SM1100' is not a rule ID (did you mean SM1001 privileged-container?); `secure-manifests rules` lists them")]
    [InlineData("privileged-containr", "error: 'privileged-containr' is not a rule ID (did you mean SM1001 privileged-container?); `secure-manifests rules` lists them")]
    [InlineData("no-such-thing-at-all", "error: 'no-such-thing-at-all' is not a rule ID; `secure-manifests rules` lists them")]
    public void Explain_of_an_unknown_id_exits_2_with_a_suggestion_when_one_is_close(string id, string expected)
    {
        var result = Tool.Run(Here, ["explain", id]);

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Equal(expected, result.ErrorLines[0]);
    }
}
