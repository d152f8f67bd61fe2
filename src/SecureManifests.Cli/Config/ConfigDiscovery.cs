namespace SecureManifests.Cli.Config;

/// <summary>
/// Where lint finds <c>.securemanifests.yaml</c> when no <c>--config</c> is given: in the folder of the first input
/// (a folder itself; a file's folder; the working folder for stdin), then each parent in turn. The search ends at the
/// root of the repository (the first folder that holds <c>.git</c>, a folder or, in a worktree or submodule, a file)
/// or at the filesystem root: a config above the repository belongs to someone else's checkout or home, and must
/// not change what this repository's CI enforces.
/// </summary>
internal static class ConfigDiscovery
{
    /// <summary>The file name looked for.</summary>
    public const string FileName = ".securemanifests.yaml";

    /// <summary>The config that applies to <paramref name="firstInput"/>, or null when there is none.</summary>
    /// <param name="firstInput">The first PATH as given (or <c>-</c>), or null when there is none.</param>
    /// <param name="workingDirectory">What relative paths are resolved against.</param>
    public static string? Find(string? firstInput, string workingDirectory)
    {
        for (var folder = StartFolder(firstInput, workingDirectory); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            var candidate = Path.Combine(folder, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            var git = Path.Combine(folder, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return null;
            }
        }

        return null;
    }

    private static string StartFolder(string? firstInput, string workingDirectory)
    {
        if (firstInput is null or "-")
        {
            return workingDirectory;
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(firstInput, workingDirectory));
        return Directory.Exists(full) ? full : Path.GetDirectoryName(full) ?? workingDirectory;
    }
}
