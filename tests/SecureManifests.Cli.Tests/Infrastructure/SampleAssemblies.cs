using SecureManifests.Tests.Infrastructure;

namespace SecureManifests.Cli.Tests.Infrastructure;

/// <summary>The built sample apps (the test project builds them first), for <c>synth --assembly</c>.</summary>
public static class SampleAssemblies
{
    /// <summary>The configuration these tests were built in; the samples were built alike.</summary>
    private static string Configuration => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    /// <summary><c>samples/NAME/bin/CONFIGURATION/net10.0/NAME.dll</c>.</summary>
    public static string Dll(string sample)
    {
        var dll = Path.Combine(TestPaths.RepositoryRoot, "samples", sample, "bin", Configuration, "net10.0", sample + ".dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build the solution first");
        return dll;
    }
}
