namespace SecureManifests.Tests.Referees;

/// <summary>
/// Judges a kustomization the way a user applies it: <c>kubectl kustomize DIR</c> must build it.
/// </summary>
public static class KustomizeReferee
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs <c>kubectl kustomize <paramref name="directory"/></c>.</summary>
    /// <param name="directory">A folder holding a <c>kustomization.yaml</c>.</param>
    /// <returns>The exit code, the rendered YAML on stdout and kustomize's complaint on stderr.</returns>
    /// <exception cref="InvalidOperationException">kubectl is not installed.</exception>
    public static ProcessResult Build(string directory)
    {
        var fullPath = Path.GetFullPath(directory);
        return ProcessRunner.Run(
            "kubectl",
            ["kustomize", fullPath],
            fullPath,
            Timeout,
            "The kustomize referee needs kubectl (with its built-in kustomize) on PATH.");
    }
}
