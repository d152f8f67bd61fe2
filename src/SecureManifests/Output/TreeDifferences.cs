using System.Text;

namespace SecureManifests.Output;

/// <summary>Compares a rendered tree with a folder on disk, byte for byte.</summary>
internal static class TreeDifferences
{
    /// <summary>True when the folder holds exactly these files; stops at the first difference.</summary>
    public static bool IsUpToDate(IReadOnlyList<ManifestFile> expected, string outputDirectory)
    {
        var root = Path.GetFullPath(outputDirectory);
        if (!Directory.Exists(root))
        {
            return false;
        }

        foreach (var file in expected)
        {
            var onDisk = Path.Combine(root, file.RelativePath.Replace('/', Path.DirectorySeparatorChar));
            if (!File.Exists(onDisk) || !File.ReadAllBytes(onDisk).AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(file.Content)))
            {
                return false;
            }
        }

        // Every expected file is present, so equal counts mean there is no extra file.
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Count() == expected.Count;
    }

    public static IReadOnlyList<string> Find(IReadOnlyList<ManifestFile> expected, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        var root = Path.GetFullPath(outputDirectory);
        var differences = new List<(string Path, string Line)>();
        var expectedPaths = new HashSet<string>(StringComparer.Ordinal);

        foreach (var file in expected)
        {
            expectedPaths.Add(file.RelativePath);
            var onDisk = Path.Combine(root, file.RelativePath.Replace('/', Path.DirectorySeparatorChar));
            if (!File.Exists(onDisk))
            {
                differences.Add((file.RelativePath, "missing: " + file.RelativePath));
            }
            else if (!File.ReadAllBytes(onDisk).AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(file.Content)))
            {
                differences.Add((file.RelativePath, "changed: " + file.RelativePath));
            }
        }

        if (Directory.Exists(root))
        {
            foreach (var onDisk in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, onDisk).Replace(Path.DirectorySeparatorChar, '/');
                if (!expectedPaths.Contains(relative))
                {
                    differences.Add((relative, "extra: " + relative));
                }
            }
        }

        differences.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        return differences.ConvertAll(static d => d.Line);
    }
}
