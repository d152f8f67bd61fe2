namespace SecureManifests.Cli.Lint;

/// <summary>
/// Turns the PATH arguments into the list of sources: files as given, folders searched recursively for
/// <c>*.yaml</c>, <c>*.yml</c> and <c>*.json</c> (hidden entries skipped) in ordinal order, less those an ignore
/// pattern of the config matches, <c>-</c> as stdin.
/// Paths that cannot be listed become problems, so the other inputs are still linted.
/// </summary>
internal static class InputCollector
{
    private static readonly string[] ManifestExtensions = [".yaml", ".yml", ".json"];

    public static (List<LintInput> Inputs, List<InputProblem> Problems) Collect(IEnumerable<string> paths, string workingDirectory, Func<string, bool>? ignored = null)
    {
        var inputs = new List<LintInput>();
        var problems = new List<InputProblem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (path == "-")
            {
                inputs.Add(new LintInput("-", null));
                continue;
            }

            var full = Path.GetFullPath(path, workingDirectory);
            if (File.Exists(full))
            {
                AddFile(full);
            }
            else if (Directory.Exists(full))
            {
                try
                {
                    var found = Directory.EnumerateFiles(full, "*", new EnumerationOptions
                        {
                            RecurseSubdirectories = true,
                            IgnoreInaccessible = false,
                            MatchType = MatchType.Simple,
                        })
                        .Where(f => IsManifestFile(f) && ignored?.Invoke(f) != true)
                        .Order(StringComparer.Ordinal)
                        .ToList();
                    found.ForEach(AddFile);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    problems.Add(new InputProblem(DisplayName(full, workingDirectory), 1, 1, $"cannot list folder: {e.Message}"));
                }
            }
            else
            {
                problems.Add(new InputProblem(DisplayName(full, workingDirectory), 1, 1, "cannot read: no such file or folder"));
            }
        }

        return (inputs, problems);

        void AddFile(string fullPath)
        {
            // The same file named twice (a file and its folder) is linted once: its objects would collide with themselves.
            if (seen.Add(fullPath))
            {
                inputs.Add(new LintInput(DisplayName(fullPath, workingDirectory), fullPath));
            }
        }
    }

    /// <summary>The path relative to <paramref name="workingDirectory"/> with forward slashes, or absolute when outside it.</summary>
    public static string DisplayName(string fullPath, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, fullPath);
        var outside = Path.IsPathRooted(relative) || relative == ".." ||
                      relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return (outside ? fullPath : relative).Replace('\\', '/');
    }

    private static bool IsManifestFile(string path) =>
        ManifestExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));
}
