using System.Globalization;
using SecureManifests.Model;
using SecureManifests.Rules;

namespace SecureManifests.SynthHost;

/// <summary>
/// Lines in MSBuild's canonical error format, <c>origin(line,col): error CODE: text</c>, which the Exec task turns
/// into real build warnings and errors that IDEs link to the C# class of the app.
/// </summary>
internal static class MsBuildMessage
{
    /// <summary>SM0106: the app's constructor failed at build time.</summary>
    public const string DefinitionFailed = "SM0106";

    /// <summary>SM0107: a committed manifest differs from what the build would write.</summary>
    public const string Stale = "SM0107";

    /// <summary>A finding at <paramref name="at"/>, the C# call it comes from; at the app class when that is not known.</summary>
    public static string Finding(ManifestAppEntry app, Finding finding, bool blocking, SourceLocation? at)
    {
        var category = blocking || finding.Severity == RuleSeverity.Error ? "error"
            : finding.Severity == RuleSeverity.Warning ? "warning"
            : "message";
        var where = string.IsNullOrEmpty(finding.Namespace) ? finding.Name : $"{finding.Namespace}/{finding.Name}";
        var text = $"{finding.Message} [{finding.Kind} {where}] at {finding.Path}";
        var origin = at is null ? Origin(app) : Origin(at);
        return category == "message"
            ? $"{origin}: info {finding.RuleId}: {text}"
            : $"{origin}: {category} {finding.RuleId}: {text}";
    }

    public static string Error(ManifestAppEntry app, string code, string text) => $"{Origin(app)}: error {code}: {text}";

    public static string StaleFile(string fullPath, string text) => $"{fullPath}: error {Stale}: {text}";

    // The catalog stores paths relative to the project (so the user's assembly is machine-independent); the build
    // runs the host in the project directory, so they resolve against the current directory.
    private static string Origin(ManifestAppEntry app) =>
        string.Create(CultureInfo.InvariantCulture, $"{Path.GetFullPath(app.FilePath)}({app.Line},{app.Column})");

    private static string Origin(SourceLocation at) =>
        string.Create(CultureInfo.InvariantCulture, $"{Resolve(at.File)}({at.Line},1)");

    /// <summary>
    /// A caller path as the compiler recorded it: absolute on a developer's machine; with a deterministic CI build's
    /// path map it starts <c>/_/</c> for the source root, found again by looking for the file above the project folder.
    /// </summary>
    private static string Resolve(string file)
    {
        const string mappedRoot = "/_/";
        if (file.StartsWith(mappedRoot, StringComparison.Ordinal))
        {
            var relative = file[mappedRoot.Length..];
            for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return Path.GetFullPath(file);
    }
}
