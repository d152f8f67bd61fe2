using System.Globalization;
using SecureManifests.Tests.Infrastructure;

namespace SecureManifests.Tests.Referees;

/// <summary>
/// Judges YAML against the Kubernetes OpenAPI schemas with <c>tests/referees/validate.mjs</c>
/// (Node.js and the npm package kubernetes-models), an oracle independent of our C# model.
/// See the header of <c>validate.mjs</c> for what it checks and what it cannot.
/// </summary>
public static class KubernetesSchemaReferee
{
    /// <summary>Exit code of <c>validate.mjs</c> when every document is valid.</summary>
    public const int ValidExitCode = 0;

    /// <summary>Exit code of <c>validate.mjs</c> when at least one document is invalid.</summary>
    public const int InvalidExitCode = 1;

    private const string InstallCommand = "npm ci --no-audit --no-fund";
    private static readonly TimeSpan ValidateTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);
    private static readonly Lazy<string> RefereeFolder = new(EnsureInstalled, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Validates every YAML document in <paramref name="path"/> (a file, or a folder searched
    /// recursively, skipping <c>kustomization.yaml</c>).
    /// </summary>
    /// <param name="path">A YAML file or a folder of them.</param>
    /// <returns>
    /// Exit code <see cref="ValidExitCode"/> or <see cref="InvalidExitCode"/>; stdout holds one
    /// line per problem (<c>FILE: document N (Kind ns/name): message</c>) and the summary
    /// <c>validated N documents, M invalid</c>.
    /// </returns>
    /// <exception cref="InvalidOperationException">
    /// The referee could not judge at all: node or its packages are missing, the path is
    /// unreadable or holds no document. Never reported as a verdict, so no test passes by it.
    /// </exception>
    public static ProcessResult Validate(string path)
    {
        var folder = RefereeFolder.Value;
        var result = ProcessRunner.Run(
            "node",
            [Path.Combine(folder, "validate.mjs"), Path.GetFullPath(path)],
            folder,
            ValidateTimeout,
            "The schema referee needs Node.js 20 or later on PATH.");
        if (result.ExitCode is not (ValidExitCode or InvalidExitCode))
        {
            throw new InvalidOperationException("The schema referee could not judge " + path + ": " + result.Describe());
        }

        return result;
    }

    // CI installs the packages with `npm ci` first; a developer's fresh clone gets them here,
    // once per test run, from the lock file.
    private static string EnsureInstalled()
    {
        var folder = Path.Combine(TestPaths.RepositoryRoot, "tests", "referees");
        if (IsInstalled(folder))
        {
            return folder;
        }

        var install = ProcessRunner.Run(
            "npm",
            ["ci", "--no-audit", "--no-fund"],
            folder,
            InstallTimeout,
            string.Create(CultureInfo.InvariantCulture, $"Install Node.js 20+ with npm, then run `{InstallCommand}` in {folder}."));
        if (!install.Succeeded || !IsInstalled(folder))
        {
            throw new InvalidOperationException(
                $"The schema referee's npm packages are missing and `{InstallCommand}` in {folder} failed; run it by hand.\n" +
                install.Describe());
        }

        return folder;
    }

    // Installed from the current lock file: a checkout whose node_modules predates a change of package-lock.json (a
    // referee package added) installs again rather than judging with what it had.
    private static bool IsInstalled(string folder)
    {
        var installed = Path.Combine(folder, "node_modules", ".package-lock.json");
        return File.Exists(installed) &&
            File.GetLastWriteTimeUtc(installed) >= File.GetLastWriteTimeUtc(Path.Combine(folder, "package-lock.json")) &&
            File.Exists(Path.Combine(folder, "node_modules", "kubernetes-models", "package.json")) &&
            File.Exists(Path.Combine(folder, "node_modules", "yaml", "package.json"));
    }
}
