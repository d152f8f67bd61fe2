using System.Text.RegularExpressions;
using System.Xml.Linq;
using SecureManifests.Tests.Infrastructure;

namespace SecureManifests.Tests.Rules;

/// <summary>
/// The catalogue (Rules/RuleCatalog*.cs and its types, RuleIds.cs) and the rule semantics (Rules/Semantics/) are
/// linked into the netstandard2.0 analyzers, so they must not use what that target lacks. A text guard here catches it before the analyzer build does.
/// </summary>
public sealed partial class CatalogPortabilityTests
{
    private static readonly string[] Forbidden =
    {
        "using k8s", "k8s.Models", " record ", "init;", " required ", "file class", "file static", "= [", "ImplicitUsings",
    };

    [Fact]
    public void Linked_files_use_only_what_netstandard2_0_analyzers_can_compile()
    {
        var files = LinkedSources();

        Assert.Contains(files, f => Path.GetFileName(f) == "RuleCatalog.cs");
        Assert.Contains(files, f => Path.GetFileName(f) == "ImageReference.cs");
        foreach (var file in files)
        {
            var source = File.ReadAllText(file);
            Assert.StartsWith("#nullable enable", source, StringComparison.Ordinal);

            // Only code matters: rule texts may well say "required" or "record".
            var text = StringLiterals().Replace(source, "\"\"");
            foreach (var pattern in Forbidden)
            {
                Assert.False(text.Contains(pattern, StringComparison.Ordinal), $"{Path.GetFileName(file)} contains '{pattern}'");
            }
        }
    }

    /// <summary>The src/ files the analyzers project compiles in, read from its Compile items (wildcards expanded).</summary>
    private static string[] LinkedSources()
    {
        var project = Path.Combine(TestPaths.RepositoryRoot, "analyzers", "SecureManifests.Analyzers", "SecureManifests.Analyzers.csproj");
        var projectDir = Path.GetDirectoryName(project)!;
        var includes = XDocument.Load(project).Descendants("Compile")
            .Select(c => (string?)c.Attribute("Include"))
            .OfType<string>()
            .SelectMany(i => i.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return includes
            .Select(i => Path.GetFullPath(Path.Combine(projectDir, i)))
            .SelectMany(p => Directory.GetFiles(Path.GetDirectoryName(p)!, Path.GetFileName(p)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""")]
    private static partial Regex StringLiterals();
}
