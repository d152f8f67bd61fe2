using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SecureManifests.Packaging.Tests.Lsp;

namespace SecureManifests.Packaging.Tests;

/// <summary>
/// A real editor on a packaged consumer: csharp-ls (the version <c>.ci/run</c> installs), with
/// <c>csharp.analyzersEnabled=true</c>, opens a class library that takes SecureManifests from the feed and shows the
/// package's analyzer findings on the members the build reports them on. It offers none of the package's code fixes
/// (the README says so and points to <c>dotnet format</c>): if a later csharp-ls does, this test says so.
/// </summary>
public sealed partial class EditorTests : IDisposable
{
    private const string FileName = "DebugContainers.cs";

    private const string Source = """
        using k8s.Models;

        namespace Editor;

        public static class DebugContainers
        {
            public static V1SecurityContext Shell() => new V1SecurityContext
            {
                Privileged = true,
                AllowPrivilegeEscalation = true,
            };
        }
        """;

    private static readonly TimeSpan DiagnosticsTimeout = TimeSpan.FromSeconds(90);

    private readonly ConsumerWorkspace _workspace;

    public EditorTests()
    {
        // The fact runs without the tool only under CI=true: fail there at once, before packing anything.
        Assert.True(File.Exists(CSharpLsFactAttribute.Executable),
            $"csharp-ls not found at {CSharpLsFactAttribute.Executable}: .ci/run installs it with {CSharpLsFactAttribute.Installer}.");
        _workspace = new ConsumerWorkspace();
    }

    public void Dispose() => _workspace.Dispose();

    [CSharpLsFact]
    public async Task Csharp_ls_with_analyzers_enabled_shows_the_findings_where_the_build_does_and_offers_no_package_fix()
    {
        _workspace.AddProject("classlib", "Editor", (FileName, Source));
        var folder = _workspace.ProjectFolder("Editor");
        var file = Path.Combine(folder, FileName);
        var text = File.ReadAllText(file);
        Dictionary<string, LspRange> expected = new(StringComparer.Ordinal)
        {
            ["SM1001"] = LspRange.Of(text, "Privileged = true"),
            ["SM1007"] = LspRange.Of(text, "AllowPrivilegeEscalation = true"),
        };

        // Restored and built once, as a user would before opening it; both findings are errors, so the build fails on them.
        var build = _workspace.Dotnet("build", Path.Combine(folder, "Editor.csproj"), "-nodeReuse:false", "-tl:off", "-p:UseSharedCompilation=false");
        var built = BuildDiagnostic().Matches(build.StandardOutput)
            .Select(m => (Id: m.Groups["id"].Value, Line: Number(m, "line") - 1, Character: Number(m, "column") - 1))
            .Distinct().OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();
        Assert.True(built.Length > 0, build.Describe());
        Assert.Equal(expected.Select(e => (e.Key, e.Value.StartLine, e.Value.StartCharacter)), built);

        await using var server = await CSharpLanguageServer.StartAsync(
            CSharpLsFactAttribute.Executable, folder, new JsonObject { ["analyzersEnabled"] = true });
        await server.OpenAsync(file);
        var diagnostics = await server.WaitForDiagnosticsAsync(
            file, published => expected.Keys.All(id => published.Any(d => Code(d) == id)), DiagnosticsTimeout);

        var shown = diagnostics.Where(d => Code(d).StartsWith("SM", StringComparison.Ordinal)).ToArray();
        Assert.Equal(expected, shown.ToDictionary(Code, d => LspRange.From(d!["range"]!), StringComparer.Ordinal));
        Assert.All(shown, d => Assert.Equal(1, d!["severity"]!.GetValue<int>())); // 1 = Error, as in the build

        var privileged = shown.Single(d => Code(d) == "SM1001")!;
        var actions = await server.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = new Uri(file).AbsoluteUri },
            ["range"] = privileged["range"]!.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(privileged.DeepClone()) },
        });
        var titles = (actions?.AsArray() ?? []).Select(a => a?["title"]?.GetValue<string>()).ToArray();
        Assert.DoesNotContain("Set Privileged to false", titles);

        Assert.Equal(0, await server.ShutdownAsync());
    }

    private static string Code(JsonNode? diagnostic) => diagnostic?["code"]?.ToString() ?? string.Empty;

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"DebugContainers\.cs\((?<line>\d+),(?<column>\d+)\): (?:warning|error) (?<id>SM\d{4}):")]
    private static partial Regex BuildDiagnostic();
}
