namespace SecureManifests.Output;

/// <summary>
/// Fills a staging folder with the new tree. A file whose bytes equal the one in the current tree becomes a hard link
/// to it (same inode, same modification time, no data written); every other file is written. Where linking fails
/// (FAT, some network shares), the file is written like a changed one.
/// </summary>
internal static class TreeStaging
{
    /// <param name="staging">The empty staging folder.</param>
    /// <param name="files">The new tree.</param>
    /// <param name="bytes">Its encoded content, index for index.</param>
    /// <param name="current">The current tree compared with the new one.</param>
    /// <param name="allowLinks">False writes every file (a test seam for file systems without hard links).</param>
    public static void Stage(string staging, IReadOnlyList<ManifestFile> files, IReadOnlyList<byte[]> bytes, TreeComparison current, bool allowLinks)
    {
        var paths = new string[files.Count];
        var folders = new HashSet<string>(StringComparer.Ordinal) { staging };
        for (var i = 0; i < paths.Length; i++)
        {
            paths[i] = TreeComparison.PathOnDisk(staging, files[i].RelativePath);
            var folder = Path.GetDirectoryName(paths[i])!;
            if (folders.Add(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        // One failed link says the file system cannot link: the rest are written without trying.
        var canLink = allowLinks;

        // Creating a file is mostly waiting on the file system (an inode, a directory entry), not CPU: two at a time
        // overlap the waits. Parallel.For hands out contiguous ranges, so the two mostly work in different folders.
        Parallel.For(0, paths.Length, i =>
        {
            if (current.States[i] == FileState.Same && Volatile.Read(ref canLink))
            {
                if (HardLink.TryCreate(TreeComparison.PathOnDisk(current.Root, files[i].RelativePath), paths[i]))
                {
                    return;
                }

                Volatile.Write(ref canLink, false);
            }

            Write(paths[i], bytes[i]);
        });
    }

    // CreateNew, not File.WriteAllBytes's Create: the staged file is always new, and truncating it first costs a
    // system call and, on ext4, makes close() start write-back of the file at once (auto_da_alloc).
    private static void Write(string path, byte[] content)
    {
        using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        RandomAccess.Write(handle, content, 0);
    }
}
