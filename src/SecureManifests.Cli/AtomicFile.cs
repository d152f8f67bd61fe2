using System.Globalization;
using System.Text;

namespace SecureManifests.Cli;

/// <summary>
/// A file written next to its target and moved over it on <see cref="Commit"/>, so a failed or interrupted run leaves
/// the previous file whole (never half a report or half a baseline); disposing without a commit removes the temporary.
/// </summary>
internal sealed class AtomicFile : IDisposable
{
    private readonly string _temporary;
    private bool _committed;

    /// <summary>Starts writing <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The folder does not exist or cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written.</exception>
    public AtomicFile(string path)
    {
        Path = path;
        _temporary = path + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        Stream = new FileStream(_temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
        Writer = new StreamWriter(Stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024, leaveOpen: true);
    }

    /// <summary>The target.</summary>
    public string Path { get; }

    /// <summary>The bytes of the file.</summary>
    public Stream Stream { get; }

    /// <summary>The text of the file, UTF-8 without a byte-order mark.</summary>
    public TextWriter Writer { get; }

    /// <summary>Writes the whole of <paramref name="path"/> with <paramref name="write"/>, atomically.</summary>
    public static void Write(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var file = new AtomicFile(path);
        write(file.Writer);
        file.Commit();
    }

    /// <summary>Moves what was written over the target.</summary>
    public void Commit()
    {
        Writer.Flush();
        Writer.Dispose();
        Stream.Dispose();
        File.Move(_temporary, Path, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (_committed)
        {
            return;
        }

        Writer.Dispose();
        Stream.Dispose();
        if (File.Exists(_temporary))
        {
            File.Delete(_temporary);
        }
    }
}
