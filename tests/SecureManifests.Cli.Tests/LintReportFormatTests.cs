using System.Xml.Linq;
using SecureManifests.Cli.Tests.Infrastructure;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests;

/// <summary>--format junit (against the JUnit XSD referee), --format github (escaping), and several reports from one run.</summary>
public sealed class LintReportFormatTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public LintReportFormatTests()
    {
        _folder.Write("k8s/pod.yaml", Manifests.PrivilegedPod);
        _folder.Write("k8s/deploy.yaml", Manifests.RestrictedDeployment.Replace("1.2.3", "latest", StringComparison.Ordinal));
        _folder.Write("k8s/waived.yaml", Manifests.PrivilegedPod
            .Replace("name: web", "name: waived", StringComparison.Ordinal)
            .Replace("  namespace: shop\n", "  namespace: shop\n  annotations:\n    securemanifests.io/ignore-SM1001: \"a debug pod\"\n", StringComparison.Ordinal));
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Junit_has_a_case_per_object_and_rule_and_is_valid_against_the_xsd()
    {
        var result = Tool.Run(_folder.FullPath, ["lint", "k8s", "k8s/missing.yaml", "--profile", "baseline", "--include", "SM2001", "--format", "junit"]);

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        var (code, output) = JunitReferee.Validate(result.StandardOutput);
        Assert.True(code == 0, output + result.StandardOutput);
        var root = XDocument.Parse(result.StandardOutput).Root!;
        var suites = root.Elements("testsuite").ToList();
        Assert.Equal(["Deployment/shop/api", "Pod/shop/web", "Pod/shop/waived", "unreadable input"], suites.Select(s => (string)s.Attribute("name")!).ToArray());
        var rules = 13; // the 12 baseline rules and SM2001
        Assert.All(suites.Take(3), s => Assert.Equal(rules, s.Elements("testcase").Count()));
        Assert.Equal(3 * rules + 1, (int)root.Attribute("tests")!);
        // The mutable tag is a warning, below --fail-on error: a passing case that says so.
        var tag = suites[0].Elements("testcase").Single(c => ((string)c.Attribute("name")!).StartsWith("SM2001", StringComparison.Ordinal));
        Assert.Null(tag.Element("failure"));
        Assert.StartsWith("k8s/deploy.yaml:21:", (string)tag.Element("system-out")!, StringComparison.Ordinal);
        var privileged = suites[1].Elements("testcase").Single(c => (string)c.Attribute("name")! == "SM1001 privileged-container");
        Assert.StartsWith("k8s/pod.yaml:14:7: error SM1001: ", (string)privileged.Element("failure")!, StringComparison.Ordinal);
        var waived = suites[2].Elements("testcase").Single(c => (string)c.Attribute("name")! == "SM1001 privileged-container");
        Assert.Equal("suppressed: a debug pod", (string)waived.Element("skipped")!.Attribute("message")!);
        Assert.Equal(("1", "0"), ((string)suites[1].Attribute("failures")!, (string)suites[1].Attribute("errors")!));
        Assert.Equal(("0", "1"), ((string)suites[3].Attribute("failures")!, (string)suites[3].Attribute("errors")!));
        Assert.Equal("1", (string)suites[2].Attribute("skipped")!);
        Assert.Equal("1", (string)root.Attribute("failures")!);
        Assert.DoesNotContain("time", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Junit_keeps_cross_object_findings_with_their_object()
    {
        // SM4002 (no NetworkPolicy, a warning) is found after every object is read; it belongs to each pod's suite.
        var result = Tool.Run(_folder.FullPath, ["lint", "k8s", "--format", "junit", "--fail-on", "warning"]);

        var (code, output) = JunitReferee.Validate(result.StandardOutput);
        Assert.True(code == 0, output);
        var suites = XDocument.Parse(result.StandardOutput).Root!.Elements("testsuite").ToList();
        Assert.All(suites, s => Assert.NotNull(s.Elements("testcase").Single(c => ((string)c.Attribute("name")!).StartsWith("SM4002", StringComparison.Ordinal)).Element("failure")));
    }

    [Fact]
    public void Github_annotations_escape_percent_and_line_ends_in_messages_and_colons_and_commas_in_properties()
    {
        _folder.Write("a,b:c%/pod.yaml", Manifests.PrivilegedPod);

        var result = Tool.Run(_folder.FullPath, ["lint", "a,b:c%", "k8s/deploy.yaml", "--profile", "baseline", "--include", "SM2001", "--format", "github"]);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.Equal(2, result.OutputLines.Count);
        Assert.StartsWith("::error file=a%2Cb%3Ac%25/pod.yaml,line=14,col=7,title=SM1001::", result.OutputLines[0], StringComparison.Ordinal);
        Assert.StartsWith("::warning file=k8s/deploy.yaml,line=21,col=", result.OutputLines[1], StringComparison.Ordinal);
        Assert.Equal("100%25 done%0D%0Anext: a,b", Cli.Lint.GithubReportWriter.EscapeData("100% done\r\nnext: a,b"));
        Assert.StartsWith("2 files, 2 objects", result.ErrorLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Several_reports_from_one_run_are_byte_identical_to_separate_runs_with_the_same_exit_code()
    {
        string[] lint = ["lint", "k8s", "--profile", "baseline", "--include", "SM2001"];
        Directory.CreateDirectory(Path.Combine(_folder.FullPath, "out"));

        var combined = Tool.Run(_folder.FullPath, [.. lint, "--format", "text", "--format", "sarif=out/results.sarif", "-f", "junit=out/report.xml", "--format=json=out/r.json", "-f", "github=out/gh.txt"]);

        Assert.Equal(ExitCodes.Findings, combined.ExitCode);
        Assert.Equal(Tool.Run(_folder.FullPath, lint).StandardOutput, combined.StandardOutput);
        Assert.Equal(Tool.Run(_folder.FullPath, lint).StandardError, combined.StandardError);
        foreach (var (format, file) in new[] { ("sarif", "results.sarif"), ("junit", "report.xml"), ("json", "r.json"), ("github", "gh.txt") })
        {
            var alone = Tool.Run(_folder.FullPath, [.. lint, "--format", format]);
            Assert.Equal(combined.ExitCode, alone.ExitCode);
            Assert.Equal(alone.StandardOutput, File.ReadAllText(Path.Combine(_folder.FullPath, "out", file)));
        }

        Assert.Equal(["gh.txt", "r.json", "report.xml", "results.sarif"], Directory.GetFiles(Path.Combine(_folder.FullPath, "out")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Reports_to_files_only_leave_stdout_empty_and_the_account_on_stderr()
    {
        var result = Tool.Run(_folder.FullPath, ["lint", "k8s", "--profile", "baseline", "-f", "sarif=results.sarif"]);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.Empty(result.StandardOutput);
        Assert.StartsWith("3 files, 3 objects: 1 error", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-f sarif=", "error: --format sarif=FILE needs a file after '=' (without '=FILE' the report goes to stdout)")]
    [InlineData("-f xml=a.xml", "error: unknown format 'xml'; use text, json, sarif, junit or github")]
    [InlineData("-f sarif=a.txt -f json=a.txt", "error: --format: two reports cannot go to one file 'a.txt'")]
    public void Bad_report_targets_are_usage_errors(string options, string expected)
    {
        var result = Tool.Run(_folder.FullPath, ["lint", "k8s", .. options.Split(' ')]);

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Equal(expected, result.ErrorLines[0]);
    }

    [Fact]
    public void A_report_file_that_cannot_be_written_is_exit_2_and_leaves_no_temporary()
    {
        var result = Tool.Run(_folder.FullPath, ["lint", "k8s", "-f", "sarif=no/such/folder/results.sarif"]);

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.StartsWith("error: cannot write the report 'no/such/folder/results.sarif': ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder.FullPath, "*.tmp-*", SearchOption.AllDirectories));
    }
}
