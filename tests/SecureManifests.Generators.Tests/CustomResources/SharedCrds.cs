namespace SecureManifests.Generators.Tests.CustomResources;

/// <summary>Every CRD file under ../shared/crds (recursively), so a file added there is covered by every theory.</summary>
internal static class SharedCrds
{
    /// <summary>One row per file: its path relative to the folder (the test case's name).</summary>
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        if (!TestPaths.SharedCrdsPresent)
        {
            return data;
        }

        foreach (var file in Directory.GetFiles(TestPaths.SharedCrds, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(TestPaths.SharedCrds, file).Replace('\\', '/'));
        }

        return data;
    }

    public static string FullPath(string relative) => Path.Combine(TestPaths.SharedCrds, relative);

    public static string Read(string relative) => File.ReadAllText(FullPath(relative));
}
