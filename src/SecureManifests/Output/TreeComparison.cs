using System.Buffers;
using System.IO.Enumeration;

namespace SecureManifests.Output;

/// <summary>
/// A rendered tree compared with a folder on disk, byte for byte: the state of each rendered file and the files on
/// disk that nothing renders. The folder is listed once (names and sizes); only files of the expected size are read.
/// </summary>
internal sealed class TreeComparison
{
    private static readonly EnumerationOptions EveryFile = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
    };

    private TreeComparison(string root, bool exists, FileState[] states, List<string> extra)
    {
        Root = root;
        Exists = exists;
        States = states;
        Extra = extra;
    }

    /// <summary>The compared folder, full path without a trailing separator.</summary>
    public string Root { get; }

    /// <summary>Whether the folder exists.</summary>
    public bool Exists { get; }

    /// <summary>The state of each rendered file, in the order of the rendered list.</summary>
    public IReadOnlyList<FileState> States { get; }

    /// <summary>Files on disk that nothing renders, relative with forward slashes, in no particular order.</summary>
    public IReadOnlyList<string> Extra { get; }

    /// <summary>True when the folder holds exactly the rendered files and nothing else.</summary>
    public bool IsUpToDate => Exists && Extra.Count == 0 && States.All(static s => s == FileState.Same);

    /// <param name="files">The rendered files.</param>
    /// <param name="bytes">Their encoded content, index for index (<see cref="ManifestEncoding.Encode"/>).</param>
    /// <param name="folder">The folder on disk.</param>
    public static TreeComparison Of(IReadOnlyList<ManifestFile> files, IReadOnlyList<byte[]> bytes, string folder)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(bytes);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var states = new FileState[files.Count];
        if (!Directory.Exists(root))
        {
            return new TreeComparison(root, exists: false, states, []);
        }

        var onDisk = ListFiles(root);
        if (onDisk.Count > 0)
        {
            try
            {
                // Opening and reading thousands of small files is mostly waiting, not CPU: two at a time overlap it.
                Parallel.For(0, states.Length, i =>
                    states[i] = !onDisk.TryGetValue(files[i].RelativePath, out var length) ? FileState.Missing
                        : length == bytes[i].Length && HasBytes(PathOnDisk(root, files[i].RelativePath), bytes[i]) ? FileState.Same
                        : FileState.Changed);
            }
            catch (AggregateException parallel)
            {
                // Callers handle an unreadable file's IOException, as they would from a sequential loop.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(parallel.Flatten().InnerExceptions[0]);
            }
        }

        foreach (var file in files)
        {
            onDisk.Remove(file.RelativePath);
        }

        return new TreeComparison(root, exists: true, states, [.. onDisk.Keys]);
    }

    /// <summary>Where a rendered file's relative path lies below <paramref name="root"/>.</summary>
    public static string PathOnDisk(string root, string relativePath) =>
        Path.Join(root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    // Every file below root (not folders), relative with forward slashes, with its size. One directory listing, no
    // open per file: the sizes come with the listing. A symbolic link gets size -1, so it is never taken for the
    // same file, whatever its own size (staging would link the link, not a file).
    private static Dictionary<string, long> ListFiles(string root)
    {
        var skip = root.Length + 1;
        var listing = new FileSystemEnumerable<(string Path, long Length)>(
            root,
            (ref FileSystemEntry entry) => (
                entry.ToFullPath()[skip..].Replace(Path.DirectorySeparatorChar, '/'),
                (entry.Attributes & FileAttributes.ReparsePoint) != 0 ? -1 : entry.Length),
            EveryFile)
        {
            ShouldIncludePredicate = static (ref FileSystemEntry entry) => !entry.IsDirectory,
        };
        var files = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (path, length) in listing)
        {
            files[path] = length;
        }

        return files;
    }

    // Reads one byte more than expected, so a file that grew since the listing is not taken for equal.
    private static bool HasBytes(string path, byte[] expected)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(expected.Length + 1);
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var total = 0;
            int read;
            while (total < buffer.Length && (read = RandomAccess.Read(handle, buffer.AsSpan(total), total)) > 0)
            {
                total += read;
            }

            return total == expected.Length && buffer.AsSpan(0, total).SequenceEqual(expected);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // Removed since the listing: not the expected bytes.
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
