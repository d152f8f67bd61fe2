using SecureManifests.Tests.Infrastructure;

namespace SecureManifests.Packaging.Tests.Lsp;

/// <summary>
/// A fact that needs the csharp-ls dotnet tool that <c>.ci/run</c> installs into <c>.tools/</c> of the repository.
/// Without it the fact is skipped with a clear message, except under <c>CI=true</c>, where it runs and fails: as
/// with <see cref="ConformanceFactAttribute"/>, CI must never pass by silently skipping the editor.
/// </summary>
public sealed class CSharpLsFactAttribute : FactAttribute
{
    /// <summary>What installs it (and names the version the test is written against).</summary>
    public const string Installer = "tests/tools/install-csharp-ls.sh";

    public CSharpLsFactAttribute()
    {
        if (!File.Exists(Executable) && !TestPaths.RunningInCi)
        {
            Skip = $"csharp-ls not found at {Executable}; install it with `bash {Installer}`.";
        }
    }

    /// <summary><c>.tools/csharp-ls</c> in the repository (<c>csharp-ls.exe</c> on Windows).</summary>
    public static string Executable =>
        Path.Combine(TestPaths.RepositoryRoot, ".tools", OperatingSystem.IsWindows() ? "csharp-ls.exe" : "csharp-ls");
}
