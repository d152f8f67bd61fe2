namespace SecureManifests.Output;

/// <summary>How a rendered file stands against the folder on disk.</summary>
internal enum FileState : byte
{
    /// <summary>No file at its path.</summary>
    Missing,

    /// <summary>A file at its path with other bytes.</summary>
    Changed,

    /// <summary>A file at its path with exactly these bytes.</summary>
    Same,
}
