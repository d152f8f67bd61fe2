namespace SecureManifests.Analyzers.Tests.Infrastructure;

/// <summary>Finds files of the repository the tests run in.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SecureManifests.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"SecureManifests.sln not found above {AppContext.BaseDirectory}; run the tests from the repository.");
    });

    public static string Root => RootPath.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);
}
