using System.Text;
using SecureManifests.Cli.Input;
using SecureManifests.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SecureManifests.Cli.Tests.Input;

/// <summary>A fact that needs <c>../shared/yaml-test-suite/</c>: skipped without it, except under <c>CI=true</c>, where it fails.</summary>
public sealed class YamlTestSuiteFactAttribute : FactAttribute
{
    public YamlTestSuiteFactAttribute()
    {
        if (!TestPaths.YamlTestSuitePresent && !TestPaths.RunningInCi)
        {
            Skip = $"YAML test suite not found at {TestPaths.YamlTestSuiteCases}; place shared/ beside the repository to run it.";
        }
    }
}

/// <summary>
/// Issue 11, deliverable 4: the reader over every case of the YAML test suite (read from ../shared, never copied).
/// No case crashes or hangs; no valid case is a YAML error; every invalid case is a YAML error (not merely "not a
/// Kubernetes object": the error kind tells the reader's YAML layer from its object layer). The exceptions are
/// YamlDotNet 18.1.0's own mistakes, each listed with a reproducer in docs/known-limits.md.
/// </summary>
public sealed class YamlTestSuiteTests(ITestOutputHelper output)
{
    /// <summary>Valid YAML that YamlDotNet 18.1.0 refuses; see docs/known-limits.md, "YAML conformance".</summary>
    private static readonly Dictionary<string, string> ValidButRefused = new(StringComparer.Ordinal)
    {
        ["4MUZ/02"] = "flow mapping with ':' on the line after the key",
        ["VJP3/01"] = "flow mapping with ':' on the line after the key, nested",
        ["DK95/04"] = "a line holding only a tab",
        ["JEF9/01"] = "kept literal block scalar whose only line is spaces",
        ["UKK6/00"] = "sequence item '- :' (a mapping with an empty key)",
    };

    /// <summary>Invalid YAML that YamlDotNet 18.1.0 parses without error; see docs/known-limits.md, "YAML conformance".</summary>
    private static readonly Dictionary<string, string> InvalidButAccepted = new(StringComparer.Ordinal)
    {
        ["MUS6/00"] = "'#' without a space before it after a directive",
        ["DK95/01"] = "tab indenting a quoted scalar's continuation line",
        ["Y79Y/003"] = "tab as flow indentation",
        ["Y79Y/004"] = "tab between block sequence indicators",
        ["Y79Y/005"] = "tab between block sequence indicators",
        ["Y79Y/006"] = "tab after '?' before a block indicator",
        ["Y79Y/007"] = "tab after ':' before a block indicator",
        ["Y79Y/008"] = "tab after '?' before a block mapping",
        ["Y79Y/009"] = "tab after ':' before a block mapping",
    };

    [YamlTestSuiteFact]
    public void Every_case_is_read_as_the_suite_says_with_the_listed_YamlDotNet_exceptions()
    {
        Assert.True(TestPaths.YamlTestSuitePresent, $"YAML test suite not found at {TestPaths.YamlTestSuiteCases} (required under CI=true)");
        var cases = Directory.EnumerateFiles(TestPaths.YamlTestSuiteCases, "in.yaml", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(TestPaths.YamlTestSuiteCases, Path.GetDirectoryName(path)!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(cases.Count > 300, $"only {cases.Count} cases found under {TestPaths.YamlTestSuiteCases}");

        var wrong = new List<string>();
        var unexpectedlyRight = new List<string>();
        foreach (var name in cases)
        {
            var folder = Path.Combine(TestPaths.YamlTestSuiteCases, name);
            var invalid = File.Exists(Path.Combine(folder, "error"));
            var errors = Read(name, File.ReadAllBytes(Path.Combine(folder, "in.yaml")));
            foreach (var error in errors)
            {
                Assert.False(error.ToString().Contains('\n', StringComparison.Ordinal), $"{name}: multi-line error {error}");
                Assert.True(error.Kind != ReadErrorKind.Read, $"{name}: the reader failed: {error}");
            }

            var yamlError = errors.FirstOrDefault(e => e.Kind is ReadErrorKind.Yaml);
            string? problem = (invalid, yamlError) switch
            {
                (false, not null) => $"valid, reported as a YAML error: {yamlError}",
                (true, null) => "invalid, accepted as YAML" + (errors.Count > 0 ? $" (refused only by: {errors[0]})" : ""),
                _ => null,
            };
            var listed = invalid ? InvalidButAccepted.ContainsKey(name) : ValidButRefused.ContainsKey(name);
            if (problem is not null && !listed)
            {
                wrong.Add($"{name}: {problem}");
            }
            else if (problem is not null)
            {
                output.WriteLine($"{name}: known YamlDotNet limit ({(invalid ? InvalidButAccepted[name] : ValidButRefused[name])}), see docs/known-limits.md: {problem}");
            }
            else if (problem is null && listed)
            {
                unexpectedlyRight.Add(name);
            }
        }

        output.WriteLine($"{cases.Count} cases, {wrong.Count} wrong, {unexpectedlyRight.Count} listed but right");
        Assert.True(wrong.Count == 0, "cases the reader gets wrong:\n" + string.Join('\n', wrong));
        Assert.True(unexpectedlyRight.Count == 0, "listed as YamlDotNet limits but now right (remove them from the list and docs/known-limits.md): " + string.Join(", ", unexpectedlyRight));
    }

    private static List<ReadError> Read(string name, byte[] yaml)
    {
        using var stream = new MemoryStream(yaml);
        return new ManifestReader().Read(name, stream).OfType<ReadError>().ToList();
    }
}
