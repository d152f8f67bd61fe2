using SecureManifests.Tests.Infrastructure;
using SecureManifests.Tests.Referees;

namespace SecureManifests.EndToEnd.Tests;

/// <summary>Runs a built sample app the way the README does, as its own process.</summary>
internal static class SampleRunner
{
    /// <summary>The configuration these tests were built in, e.g. Debug or Release; samples are built alike.</summary>
    private static string Configuration => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    /// <summary>The built assembly of <paramref name="sample"/>; fails the test when it has not been built.</summary>
    public static string Assembly(string sample)
    {
        var dll = Path.Combine(TestPaths.RepositoryRoot, "samples", sample, "bin", Configuration, "net10.0", sample + ".dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build the solution (dotnet build SecureManifests.sln -c {Configuration}) first.");
        return dll;
    }

    public static ProcessResult Run(string sample, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = Assembly(sample);
        return ProcessRunner.Run("dotnet", [dll, .. arguments], TestPaths.RepositoryRoot, TimeSpan.FromMinutes(2),
            "the dotnet host is on PATH wherever these tests run", environment);
    }
}
