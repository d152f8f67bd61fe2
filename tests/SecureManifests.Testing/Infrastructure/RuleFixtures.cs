using System.Text.RegularExpressions;
using Xunit;

namespace SecureManifests.Tests.Infrastructure;

/// <summary>
/// One file of <c>tests/fixtures/rules/&lt;ID&gt;/</c>: <c>insecure[-label]</c> or <c>secure[-label]</c>, as
/// <c>.yaml</c> (for lint) or <c>.cs</c> (for the analyzer and the engine on what the code builds).
/// </summary>
public sealed partial record RuleFixture(string RuleId, string FileName)
{
    /// <summary><c>ID/file</c>, the test case name.</summary>
    public string Name => RuleId + "/" + FileName;

    public string FullPath => Path.Combine(RuleFixtures.Root, RuleId, FileName);

    /// <summary>An insecure fixture: the rule must fire, exactly where the fixture says.</summary>
    public bool IsInsecure => FileName.StartsWith("insecure", StringComparison.Ordinal);

    public string Text => File.ReadAllText(FullPath);

    /// <summary>YAML: the field paths of the header's <c># expect: PATH</c> lines, one per expected finding.</summary>
    public IReadOnlyList<string> ExpectedPaths =>
        File.ReadLines(FullPath)
            .TakeWhile(line => line.StartsWith('#'))
            .Select(line => YamlExpect().Match(line))
            .Where(m => m.Success)
            .Select(m => m.Groups["path"].Value)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>C#: the 1-based lines that end with <c>// expect: ID</c> for this fixture's rule.</summary>
    public IReadOnlyList<int> ExpectedLines =>
        File.ReadLines(FullPath)
            .Select((line, index) => (Match: CSharpExpect().Match(line), Line: index + 1))
            .Where(p => p.Match.Success && p.Match.Groups["id"].Value == RuleId)
            .Select(p => p.Line)
            .ToList();

    public override string ToString() => Name;

    [GeneratedRegex(@"^#\s*expect:\s*(?<path>\S+)\s*$")]
    private static partial Regex YamlExpect();

    [GeneratedRegex(@"//\s*expect:\s*(?<id>\S+)\s*$")]
    private static partial Regex CSharpExpect();
}

/// <summary>
/// Finds the per-rule fixtures in the repository (never copies of them in bin) and checks them against a rule list.
/// The catalogue lives in the product; each test project passes it in, so this library needs no reference to it.
/// </summary>
public static partial class RuleFixtures
{
    private static readonly string[] Kinds = ["insecure", "secure"];

    public static string Root => Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "rules");

    /// <summary>Every fixture file with <paramref name="extension"/> (<c>.yaml</c> or <c>.cs</c>), by name.</summary>
    public static IReadOnlyList<RuleFixture> All(string extension) =>
        Directory.EnumerateFiles(Root, "*" + extension, SearchOption.AllDirectories)
            .Select(path => new RuleFixture(Path.GetFileName(Path.GetDirectoryName(path)!), Path.GetFileName(path)))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>The fixture names as theory data, so every file is its own readable test case.</summary>
    public static TheoryData<string> Names(string extension)
    {
        var data = new TheoryData<string>();
        foreach (var fixture in All(extension))
        {
            data.Add(fixture.Name);
        }

        return data;
    }

    /// <summary>The fixture named <c>ID/file</c>.</summary>
    public static RuleFixture Get(string name)
    {
        var parts = name.Split('/');
        var fixture = new RuleFixture(parts[0], parts[1]);
        Assert.True(File.Exists(fixture.FullPath), $"{fixture.FullPath} does not exist");
        return fixture;
    }

    /// <summary>
    /// What is wrong with the <paramref name="extension"/> fixtures: a rule of <paramref name="ruleIds"/> for which
    /// <paramref name="required"/> holds without an insecure and a secure file, files for a rule that does not need
    /// them, folders that are no rule, misnamed files, insecure files that
    /// mark no expected finding and secure files that mark one.
    /// </summary>
    public static IReadOnlyList<string> Problems(string extension, IEnumerable<string> ruleIds, Func<string, bool> required)
    {
        ArgumentNullException.ThrowIfNull(required);
        var ids = ruleIds.ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories(Root).Select(Path.GetFileName).Where(id => !ids.Contains(id!)))
        {
            problems.Add($"{folder}/: no catalogue rule has this ID");
        }

        foreach (var id in ids.Order(StringComparer.Ordinal))
        {
            var files = Directory.Exists(Path.Combine(Root, id))
                ? Directory.EnumerateFiles(Path.Combine(Root, id)).Select(Path.GetFileName).ToList()
                : [];
            var mine = files.Where(f => f!.EndsWith(extension, StringComparison.Ordinal)).ToList();
            if (required(id))
            {
                problems.AddRange(from kind in Kinds
                                  where !mine.Any(f => FileName().Match(f!) is { Success: true } m && m.Groups["kind"].Value == kind)
                                  select $"{id}/: no {kind}{extension} (or {kind}-<label>{extension})");
            }
            else if (mine.Count > 0)
            {
                problems.Add($"{id}/: {string.Join(", ", mine)} for a rule that is not enforced there");
            }

            problems.AddRange(files.Where(f => !FileName().IsMatch(f!)).Select(f => $"{id}/{f}: not insecure[-label] or secure[-label] .yaml or .cs"));
            foreach (var fixture in mine.Where(f => FileName().IsMatch(f!)).Select(f => new RuleFixture(id, f!)))
            {
                var marks = extension == ".cs" ? fixture.ExpectedLines.Count : fixture.ExpectedPaths.Count;
                if (fixture.IsInsecure != (marks > 0))
                {
                    problems.Add(fixture.IsInsecure
                        ? $"{fixture.Name}: an insecure fixture must mark where the rule fires (expect: ...)"
                        : $"{fixture.Name}: a secure fixture must not expect a finding");
                }
            }
        }

        return problems;
    }

    [GeneratedRegex(@"^(?<kind>insecure|secure)(-[a-z0-9]+(-[a-z0-9]+)*)?\.(yaml|cs)$")]
    private static partial Regex FileName();
}
