using System.Buffers;

namespace SecureManifests.Output;

/// <summary>
/// Replaces a folder as a whole: the new content is staged in a sibling folder (same parent, so the renames stay on
/// one file system and are atomic), then swapped in. On Linux the swap is one <c>renameat2(RENAME_EXCHANGE)</c>, so
/// the folder always exists; elsewhere (or on a file system without exchange) the old folder is renamed away and the
/// staged one renamed in. A run killed between those two renames leaves only <c>.previous-</c>: the next run puts it
/// back before anything else, so the old tree is never lost. Readers never see a half-written tree, and one commit
/// per folder runs at a time across processes (two builds of one project). Files whose bytes did not change are
/// staged as hard links to the current ones, so they keep their inode and modification time; when nothing changed at
/// all, nothing is touched.
/// </summary>
internal static class AtomicDirectoryCommit
{
    private static readonly SearchValues<char> LowerHexDigits = SearchValues.Create("0123456789abcdef");

    /// <param name="targetDirectory">The folder to replace.</param>
    /// <param name="files">The complete new content.</param>
    /// <param name="afterStaging">Test seam: runs once everything is staged, before the swap.</param>
    public static void Commit(string targetDirectory, IReadOnlyList<ManifestFile> files, Action<string>? afterStaging) =>
        Commit(targetDirectory, files, new CommitSeams(afterStaging));

    /// <param name="targetDirectory">The folder to replace.</param>
    /// <param name="files">The complete new content.</param>
    /// <param name="seams">Test seams: failures injected at each step, and whether the exchange may be used.</param>
    public static void Commit(string targetDirectory, IReadOnlyList<ManifestFile> files, CommitSeams seams)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetDirectory);
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(targetDirectory));
        var parent = Path.GetDirectoryName(target);
        if (parent is null)
        {
            throw new ManifestOutputException($"'{target}' is a file system root; choose a folder below it for the manifests.");
        }

        var leaf = Path.GetFileName(target);
        var bytes = ManifestEncoding.Encode(files);
        using var gate = OutputGate.Enter(target);
        RestoreInterruptedSwap(target, parent, leaf);
        RemoveLeftovers(parent, leaf);
        EnsureOursOrEmpty(target);
        var current = Compare(target, files, bytes);
        if (current.IsUpToDate)
        {
            // Nothing to write: no staging folder, no swap, every file and folder keeps its inode and timestamps.
            return;
        }

        var staging = Path.Combine(parent, $".{leaf}.staging-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(staging);
            TreeStaging.Stage(staging, files, bytes, current, seams.AllowLinks);
            seams.AfterStaging?.Invoke(staging);
        }
        catch (Exception caught) when (caught is not OutOfMemoryException)
        {
            TryDelete(staging);
            var ex = caught is AggregateException aggregate ? aggregate.Flatten().InnerExceptions[0] : caught;
            if (ex is IOException or UnauthorizedAccessException)
            {
                throw new ManifestOutputException(
                    $"Cannot write the manifests next to '{target}': {ex.Message} The previous output is unchanged.", ex);
            }

            if (ex != caught)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex);
            }

            throw;
        }

        Swap(target, parent, leaf, staging, seams);
        RemoveLeftovers(parent, leaf);
    }

    /// <summary>
    /// A run killed between the two renames of the fallback swap left the folder missing and its old content in
    /// <c>.leaf.previous-id</c>: put it back, so that nothing is lost even if this run fails too.
    /// </summary>
    private static void RestoreInterruptedSwap(string target, string parent, string leaf)
    {
        if (Directory.Exists(target) || File.Exists(target) || !Directory.Exists(parent))
        {
            return;
        }

        var previous = OwnFolders(parent, leaf, ".previous-")
            .OrderByDescending(Directory.GetLastWriteTimeUtc)
            .ThenBy(p => p, StringComparer.Ordinal)
            .FirstOrDefault();
        if (previous is not null)
        {
            MoveOrFail(previous, target, staging: null);
        }
    }

    /// <summary>
    /// Deletes staging and previous-output folders that an interrupted run (killed process, power loss)
    /// left beside the target. Only names this class creates are touched: ".leaf.staging-" or
    /// ".leaf.previous-" followed by a 32-digit hex id.
    /// </summary>
    private static void RemoveLeftovers(string parent, string leaf)
    {
        if (!Directory.Exists(parent))
        {
            return;
        }

        foreach (var kind in new[] { ".staging-", ".previous-" })
        {
            foreach (var candidate in OwnFolders(parent, leaf, kind))
            {
                TryDelete(candidate);
            }
        }
    }

    // Only names this class creates: ".leaf" + kind + a 32-digit lower-case hex id.
    private static IEnumerable<string> OwnFolders(string parent, string leaf, string kind)
    {
        var prefix = "." + leaf + kind;
        foreach (var candidate in Directory.EnumerateDirectories(parent, prefix + "*"))
        {
            var id = Path.GetFileName(candidate.AsSpan())[prefix.Length..];
            if (id.Length == 32 && !id.ContainsAnyExcept(LowerHexDigits))
            {
                yield return candidate;
            }
        }
    }

    private static TreeComparison Compare(string target, IReadOnlyList<ManifestFile> files, byte[][] bytes)
    {
        try
        {
            return TreeComparison.Of(files, bytes, target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ManifestOutputException(
                $"Cannot read the current manifests in '{target}': {ex.Message} The previous output is unchanged.", ex);
        }
    }

    private static void Swap(string target, string parent, string leaf, string staging, CommitSeams seams)
    {
        if (!Directory.Exists(target))
        {
            MoveOrFail(staging, target, staging);
            return;
        }

        if (seams.AllowExchange && DirectoryExchange.TryExchange(staging, target))
        {
            // One atomic step: the target now holds the new tree and the staging name the old one.
            TryDelete(staging);
            return;
        }

        var previous = Path.Combine(parent, $".{leaf}.previous-{Guid.NewGuid():N}");
        MoveOrFail(target, previous, staging);
        seams.BetweenRenames?.Invoke();
        try
        {
            Directory.Move(staging, target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Put the previous output back before reporting.
            Directory.Move(previous, target);
            TryDelete(staging);
            throw new ManifestOutputException(
                $"Cannot move the new manifests into '{target}': {ex.Message} The previous output is unchanged.", ex);
        }

        // The new tree is in place; a leftover old copy is only clutter, never a wrong result.
        TryDelete(previous);
    }

    private static void MoveOrFail(string from, string to, string? staging)
    {
        try
        {
            Directory.Move(from, to);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (staging is not null)
            {
                TryDelete(staging);
            }

            throw new ManifestOutputException(
                $"Cannot replace '{Path.GetFileName(to)}' in '{Path.GetDirectoryName(to)}': {ex.Message} " +
                "Close programs that hold files in the output folder and run again.", ex);
        }
    }

    /// <summary>Refuses to replace a folder that has content we did not generate.</summary>
    private static void EnsureOursOrEmpty(string target)
    {
        if (File.Exists(target))
        {
            throw new ManifestOutputException(
                $"'{target}' is a file, not a folder; remove it or choose another output folder.");
        }

        if (!Directory.Exists(target) || !Directory.EnumerateFileSystemEntries(target).Any())
        {
            return;
        }

        if (!ManifestTree.IsGeneratedFolder(target))
        {
            throw new ManifestOutputException(
                $"'{target}' is not empty and has no kustomization.yaml generated by SecureManifests, so it may hold " +
                "your own files; refusing to replace it. Choose an empty or new output folder, or delete this one yourself.");
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover hidden staging folder is harmless and the original error matters more.
        }
    }
}
