using System.Text.RegularExpressions;
using System.Xml.Linq;
using SecureManifests.Tests.Infrastructure;

namespace SecureManifests.Tests.Architecture;

/// <summary>
/// Every source file under src/ declares the namespace its folder names: the project's root namespace, then one
/// segment per folder below the project. A file without a namespace is allowed only when it declares no type
/// (a Program.cs of top-level statements).
/// </summary>
public sealed partial class NamespaceFolderTests
{
    [Fact]
    public void Every_file_under_src_declares_the_namespace_of_its_folder()
    {
        var projects = Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "src"), "*.csproj", SearchOption.AllDirectories);
        Assert.NotEmpty(projects);

        var wrong = new List<string>();
        var checkedFiles = 0;
        foreach (var project in projects)
        {
            var projectDir = Path.GetDirectoryName(project)!;
            var root = RootNamespace(project);
            foreach (var file in SourceFiles(projectDir))
            {
                checkedFiles++;
                var relative = Path.GetRelativePath(projectDir, Path.GetDirectoryName(file)!);
                var expected = relative == "." ? root : root + "." + relative.Replace(Path.DirectorySeparatorChar, '.');
                var text = File.ReadAllText(file);
                var declared = NamespaceDeclaration().Matches(text).Select(m => m.Groups[1].Value).ToArray();
                var where = Path.GetRelativePath(TestPaths.RepositoryRoot, file).Replace('\\', '/');
                if (declared.Length == 0)
                {
                    if (TypeDeclaration().IsMatch(text))
                    {
                        wrong.Add($"{where}: declares types but no namespace (expected {expected})");
                    }
                }
                else if (declared.Any(d => d != expected))
                {
                    wrong.Add($"{where}: namespace {string.Join(", ", declared)}, folder says {expected}");
                }
            }
        }

        Assert.True(checkedFiles > 100, $"only {checkedFiles} files found under src/");
        Assert.True(wrong.Count == 0, "Namespace does not match folder:\n" + string.Join("\n", wrong));
    }

    private static string RootNamespace(string project)
    {
        var declared = XDocument.Load(project).Descendants("RootNamespace").Select(e => e.Value.Trim()).FirstOrDefault();
        return string.IsNullOrEmpty(declared) ? Path.GetFileNameWithoutExtension(project) : declared;
    }

    private static IEnumerable<string> SourceFiles(string projectDir) =>
        Directory.GetFiles(projectDir, "*.cs", SearchOption.AllDirectories)
            .Where(f =>
            {
                var relative = Path.GetRelativePath(projectDir, f).Replace('\\', '/');
                return !relative.StartsWith("obj/", StringComparison.Ordinal) && !relative.StartsWith("bin/", StringComparison.Ordinal);
            })
            .Order(StringComparer.Ordinal);

    [GeneratedRegex(@"^namespace\s+([A-Za-z0-9_.]+)\s*[;{]?", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"^(?:(?:public|internal|static|sealed|abstract|partial|readonly|file)\s+)*(?:class|record|struct|interface|enum)\s", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();
}
