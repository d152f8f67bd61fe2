using SecureManifests.Tests.Referees;

namespace SecureManifests.Tests.Output;

/// <summary>
/// What identifies each file and folder of a tree on disk: its inode number (from coreutils' <c>stat</c>, as .NET has
/// no API for it) and its modification time. A file rewritten, even with the same bytes, gets a new inode; one
/// touched in place gets a new modification time.
/// </summary>
internal static class FileIdentities
{
    /// <summary>Sets every file's and folder's modification time (the folder's own included) to one long past.</summary>
    public static void Age(string folder)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Append(folder))
        {
            if (Directory.Exists(entry))
            {
                Directory.SetLastWriteTimeUtc(entry, Past);
            }
            else
            {
                File.SetLastWriteTimeUtc(entry, Past);
            }
        }
    }

    public static DateTime Past { get; } = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Relative path (forward slashes; "." for the folder itself) to "inode mtime", for every entry.</summary>
    public static Dictionary<string, string> Of(string folder)
    {
        var entries = Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Append(folder).ToList();
        var inodes = Inodes(entries);
        return entries.ToDictionary(
            e => Path.GetRelativePath(folder, e).Replace(Path.DirectorySeparatorChar, '/'),
            e => inodes[e] + " " + File.GetLastWriteTimeUtc(e).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            StringComparer.Ordinal);
    }

    /// <summary>The paths whose identity differs between two snapshots, or that only one of them has, sorted.</summary>
    public static List<string> Differing(Dictionary<string, string> before, Dictionary<string, string> after) =>
        before.Keys.Union(after.Keys)
            .Where(k => !before.TryGetValue(k, out var b) || !after.TryGetValue(k, out var a) || a != b)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static Dictionary<string, string> Inodes(List<string> paths)
    {
        var stat = ProcessRunner.Run(
            "stat", ["--format=%i", .. paths], Directory.GetCurrentDirectory(), TimeSpan.FromMinutes(1),
            "These tests read inode numbers with coreutils' stat.");
        stat.AssertSucceeded();
        var lines = stat.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(paths.Count, lines.Length);
        return paths.Zip(lines).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
    }
}
