namespace SecureManifests.Cli.Lint;

/// <summary>One source to lint: a file, or standard input.</summary>
/// <param name="DisplayName">How the source is named in reports: the path relative to the working folder with
/// forward slashes (absolute when outside it), or <c>-</c> for stdin.</param>
/// <param name="FullPath">The file's absolute path, or null for stdin.</param>
internal sealed record LintInput(string DisplayName, string? FullPath)
{
    public bool IsStandardInput => FullPath is null;
}
