extern alias sdk;

using SecureManifests.Analyzers.Tests.Infrastructure;
using SecureManifests.Tests.Infrastructure;
using RuleCatalog = sdk::SecureManifests.Rules.RuleCatalog;
using RuleLevel = sdk::SecureManifests.Rules.RuleLevel;

namespace SecureManifests.Analyzers.Tests.RawModels;

/// <summary>
/// The syntax screens only save binding: on every per-rule fixture and every file of the real-code corpus, the
/// analyzers report exactly the same diagnostics with the screens on as with every candidate bound.
/// </summary>
public sealed class ScreenSoundnessTests
{
    private static readonly string[] OptInRules = RuleCatalog.All.Where(r => r.Level == RuleLevel.OptIn).Select(r => r.Id).ToArray();

    public static TheoryData<string> Sources()
    {
        var data = new TheoryData<string>();
        foreach (var fixture in RuleFixtures.All(".cs"))
        {
            data.Add(Path.GetRelativePath(TestPaths.RepositoryRoot, fixture.FullPath));
        }

        foreach (var file in Directory.GetFiles(Repository.PathOf("tests", "SecureManifests.Analyzers.Tests", "Corpus"), "*.cs").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(TestPaths.RepositoryRoot, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Screens_never_change_what_is_reported(string source)
    {
        var program = CompiledProgram.Compile(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, source)), OptInRules);

        var screened = Describe(await program.AnalyzeAsync(screens: true));
        var bound = Describe(await program.AnalyzeAsync(screens: false));

        Assert.Equal(bound, screened);
    }

    private static List<string> Describe(IEnumerable<Microsoft.CodeAnalysis.Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Location.GetLineSpan().StartLinePosition} {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
