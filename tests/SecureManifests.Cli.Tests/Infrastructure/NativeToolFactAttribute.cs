using SecureManifests.Tests.Infrastructure;

namespace SecureManifests.Cli.Tests.Infrastructure;

/// <summary>
/// A test of the native tool that <c>tests/tools/install-native-tool.sh</c> installs: skipped when it is not installed,
/// except under <c>CI=true</c>, where <c>.ci/run</c> installs it and its absence fails the test.
/// </summary>
public sealed class NativeToolFactAttribute : FactAttribute
{
    public NativeToolFactAttribute()
    {
        if (!File.Exists(InstalledNativeTool.Path) && !TestPaths.RunningInCi)
        {
            Skip = $"the native tool is not installed at {InstalledNativeTool.Path}: run tests/tools/install-native-tool.sh";
        }
    }
}

/// <summary>The native tool as <c>dotnet tool install</c> put it in <c>.tools/native</c>.</summary>
public static class InstalledNativeTool
{
    public static string Path => System.IO.Path.Combine(TestPaths.RepositoryRoot, ".tools", "native", "secure-manifests");

    public static string Folder => System.IO.Path.GetDirectoryName(Path)!;
}
