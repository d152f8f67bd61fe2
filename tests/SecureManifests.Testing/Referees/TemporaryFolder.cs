namespace SecureManifests.Tests.Referees;

/// <summary>A fresh folder under the system temp path, deleted with everything in it on dispose.</summary>
public sealed class TemporaryFolder : IDisposable
{
    /// <summary>Creates the folder.</summary>
    public TemporaryFolder()
    {
        FullPath = Path.Combine(Path.GetTempPath(), "securemanifests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(FullPath);
    }

    /// <summary>The folder's absolute path.</summary>
    public string FullPath { get; }

    /// <summary>Writes <paramref name="content"/> to <paramref name="relativePath"/>, creating folders.</summary>
    /// <returns>The file's absolute path.</returns>
    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(FullPath, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return path;
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(FullPath, recursive: true);
}
