using SecureManifests.Tests.Infrastructure;

namespace SecureManifests.Cli.Tests.Infrastructure;

/// <summary>The repository's built programs these tests start, in the configuration the tests were built in.</summary>
public static class BuiltFiles
{
    /// <summary>The configuration these tests were built in, e.g. Debug; the projects they start were built alike.</summary>
    public static string Configuration => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    /// <summary>The built Shop sample.</summary>
    public static string ShopDll => Require("samples", "Shop", "Shop.dll");

    /// <summary>The built synth host of the build step.</summary>
    public static string SynthHostDll => Require("src", "SecureManifests.SynthHost", "SecureManifests.SynthHost.dll");

    /// <summary>The built tool.</summary>
    public static string ToolDll => Require("src", "SecureManifests.Cli", "secure-manifests.dll");

    /// <summary>A file of the output folder of <paramref name="project"/> under <paramref name="folder"/>; fails the test when it is missing.</summary>
    public static string Require(string folder, string project, string file)
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, folder, project, "bin", Configuration, "net10.0", file);
        Assert.True(File.Exists(path), $"{path} is missing: build the solution (dotnet build SecureManifests.sln -c {Configuration}) first.");
        return path;
    }
}
