using System.Text.RegularExpressions;
using SecureManifests.Analyzers.Tests.Infrastructure;

namespace SecureManifests.Analyzers.Tests.Samples;

/// <summary>
/// The analyzers as a user gets them: wired into real projects and run by <c>dotnet build</c>.
/// </summary>
public sealed partial class SampleBuildTests
{
    [Fact]
    public void The_insecure_sample_reports_exactly_the_findings_marked_in_its_source()
    {
        var source = Repository.PathOf("samples", "InsecureExamples", "InsecureWorkloads.cs");
        var expected = File.ReadAllLines(source)
            .Select((line, index) => (Line: index + 1, Marker: FindingMarker().Match(line)))
            .Where(x => x.Marker.Success)
            .SelectMany(x => RuleId().Matches(x.Marker.Value).Select(id => $"{x.Line}:{id.Value}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        var result = DotnetBuild.Run("samples/InsecureExamples/InsecureExamples.csproj");

        Assert.True(result.ExitCode == 0, "the insecure sample must still build:\n" + result.Output);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "AD0001");
        var actual = result.Diagnostics
            .Where(d => d.File == "InsecureWorkloads.cs" && d.Id.StartsWith("SM", StringComparison.Ordinal))
            .Select(d => $"{d.Line}:{d.Id}")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, actual);
        Assert.All(result.Diagnostics.Where(d => d.Id.StartsWith("SM", StringComparison.Ordinal)), d => Assert.Equal("warning", d.Severity));
        Assert.Equal(
            ["SM0001", "SM1001", "SM1002", "SM1004", "SM1005", "SM1006", "SM1019", "SM1020", "SM2001", "SM2005", "SM2011", "SM3004", "SM3005", "SM3006", "SM3007", "SM3012", "SM4001"],
            actual.Select(a => a.Split(':')[1]).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_shop_sample_is_analyzed_and_has_no_findings_no_warnings_and_no_analyzer_crash()
    {
        var result = DotnetBuild.Run("samples/Shop/Shop.csproj", "-p:ReportAnalyzer=true", "-v:d");

        Assert.True(result.ExitCode == 0, "samples/Shop must build:\n" + result.Output);
        Assert.Empty(result.Diagnostics);
        Assert.Contains("SecureManifests.Analyzers.RawModelAnalyzer", result.Output, StringComparison.Ordinal);
        Assert.Contains("SecureManifests.Analyzers.SdkApiAnalyzer", result.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"// finding: .*$")]
    private static partial Regex FindingMarker();

    [GeneratedRegex(@"SM\d{4}")]
    private static partial Regex RuleId();
}
