using System.Text.RegularExpressions;
using SecureManifests.Tests.Infrastructure;

namespace SecureManifests.Tests.Rules;

/// <summary>
/// The catalogue and the rule semantics are linked into the netstandard2.0 analyzers, so they must not use
/// what that target lacks. A text guard here catches it before the analyzer build does.
/// </summary>
public sealed partial class CatalogPortabilityTests
{
    private static readonly string[] Forbidden =
    {
        "using k8s", "k8s.Models", " record ", "init;", " required ", "file class", "file static", "= [", "ImplicitUsings",
    };

    [Theory]
    [InlineData("Catalog")]
    [InlineData("Semantics")]
    public void Linked_files_use_only_what_netstandard2_0_analyzers_can_compile(string folder)
    {
        var dir = Path.Combine(TestPaths.RepositoryRoot, "src", "SecureManifests", "Rules", folder);
        var files = Directory.GetFiles(dir, "*.cs");

        Assert.NotEmpty(files);
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

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""")]
    private static partial Regex StringLiterals();
}
