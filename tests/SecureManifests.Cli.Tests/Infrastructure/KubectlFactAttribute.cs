using SecureManifests.Tests.Infrastructure;

namespace SecureManifests.Cli.Tests.Infrastructure;

/// <summary>
/// A fact that runs the real kubectl: skipped with a clear message when kubectl is not on PATH, except under
/// <c>CI=true</c>, where it runs and fails, since CI must not pass by skipping it.
/// </summary>
public sealed class KubectlFactAttribute : FactAttribute
{
    public KubectlFactAttribute()
    {
        if (Kubectl.Path is null && !TestPaths.RunningInCi)
        {
            Skip = "kubectl is not on PATH; install it to test lint --kustomize against the real kustomize";
        }
    }
}

/// <summary>Where kubectl is, if anywhere on PATH.</summary>
public static class Kubectl
{
    public static string? Path { get; } = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => System.IO.Path.Combine(folder, "kubectl"))
        .FirstOrDefault(File.Exists);
}
