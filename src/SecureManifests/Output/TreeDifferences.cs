namespace SecureManifests.Output;

/// <summary>The differences between a rendered tree and a folder on disk, as lines a user reads.</summary>
internal static class TreeDifferences
{
    public static IReadOnlyList<string> Find(IReadOnlyList<ManifestFile> expected, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        var comparison = TreeComparison.Of(expected, ManifestEncoding.Encode(expected), outputDirectory);
        var differences = new List<(string Path, string Line)>();
        for (var i = 0; i < expected.Count; i++)
        {
            var path = expected[i].RelativePath;
            switch (comparison.States[i])
            {
                case FileState.Missing:
                    differences.Add((path, "missing: " + path));
                    break;
                case FileState.Changed:
                    differences.Add((path, "changed: " + path));
                    break;
            }
        }

        foreach (var path in comparison.Extra)
        {
            differences.Add((path, "extra: " + path));
        }

        differences.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        return differences.ConvertAll(static d => d.Line);
    }
}
