namespace SecureManifests.Output;

/// <summary>Where the tests inject failures into <see cref="AtomicDirectoryCommit"/>; production passes none.</summary>
/// <param name="AfterStaging">Runs once everything is staged, before the swap.</param>
/// <param name="BetweenRenames">Runs between the two renames of the fallback swap (the old tree is away, the new not in).</param>
/// <param name="AllowExchange">False forces the two-rename fallback that non-Linux systems use.</param>
/// <param name="AllowLinks">False forces writing unchanged files too, as on file systems without hard links.</param>
internal sealed record CommitSeams(Action<string>? AfterStaging = null, Action? BetweenRenames = null, bool AllowExchange = true, bool AllowLinks = true);
