namespace SecureManifests.Tests.Infrastructure;

/// <summary>Locates the repository and the read-only shared data beside it.</summary>
public static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The folder that holds <c>SecureManifests.sln</c>.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary><c>../shared/conformance/pod-security-admission</c>, relative to the repository.</summary>
    public static string PodSecurityFixtures =>
        Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "conformance", "pod-security-admission"));

    public static bool PodSecurityFixturesPresent => Directory.Exists(PodSecurityFixtures);

    /// <summary><c>../shared/crds</c>: real CustomResourceDefinitions of four projects, a folder each.</summary>
    public static string SharedCrds => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "crds"));

    public static bool SharedCrdsPresent => Directory.Exists(SharedCrds);

    /// <summary><c>../shared/yaml-test-suite/cases</c>: the YAML test suite's cases, one folder each (sub-cases NAME/NN).</summary>
    public static string YamlTestSuiteCases =>
        Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "yaml-test-suite", "cases"));

    public static bool YamlTestSuitePresent => Directory.Exists(YamlTestSuiteCases);

    /// <summary>Under <c>CI=true</c> missing shared data is a failure, not a skip.</summary>
    public static bool RunningInCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SecureManifests.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"SecureManifests.sln not found above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
