using SecureManifests.Model;
using SecureManifests.Rules;

namespace SecureManifests.SynthHost;

/// <summary>
/// The host's report entries: build warnings and errors that IDEs link to the C# call or class of the app.
/// </summary>
internal static class MsBuildMessage
{
    /// <summary>SM0106: the app's constructor failed at build time.</summary>
    public const string DefinitionFailed = "SM0106";

    /// <summary>SM0107: a committed manifest differs from what the build would write.</summary>
    public const string Stale = "SM0107";

    /// <summary>A finding at <paramref name="at"/>, the C# call it comes from; at the app class when that is not known.</summary>
    public static ReportEntry Finding(ManifestAppEntry app, Finding finding, bool blocking, SourceLocation? at)
    {
        var category = blocking || finding.Severity == RuleSeverity.Error ? ReportCategory.Error
            : finding.Severity == RuleSeverity.Warning ? ReportCategory.Warning
            : ReportCategory.Info;
        var where = string.IsNullOrEmpty(finding.Namespace) ? finding.Name : $"{finding.Namespace}/{finding.Name}";
        var text = Validation.PrintableText.Escape($"{finding.Message} [{finding.Kind} {where}] at {finding.Path}");
        return at is null
            ? new ReportEntry(category, finding.RuleId, AppFile(app), app.Line, app.Column, text)
            : new ReportEntry(category, finding.RuleId, Resolve(at.File), at.Line, 1, text);
    }

    /// <summary>The app's definition failed: at the C# call the error is about when the SDK knows it, else at the app class.</summary>
    public static ReportEntry DefinitionError(ManifestAppEntry app, ManifestDefinitionException error) => error.At is { } at
        ? new ReportEntry(ReportCategory.Error, DefinitionFailed, Resolve(at.File), at.Line, 1, Validation.PrintableText.Escape(error.Message))
        : Error(app, DefinitionFailed, error.Message);

    public static ReportEntry Error(ManifestAppEntry app, string code, string text) =>
        new(ReportCategory.Error, code, AppFile(app), app.Line, app.Column, Validation.PrintableText.Escape(text));

    /// <summary>An error about a file or folder rather than a C# location (stale output, the assembly itself).</summary>
    public static ReportEntry AtFile(string fullPath, string code, string text) =>
        new(ReportCategory.Error, code, fullPath, 0, 0, Validation.PrintableText.Escape(text));

    /// <summary>An error about a setting of the build step, at the project file that sets it (empty by hand).</summary>
    public static ReportEntry Setting(string project, string text) =>
        new(ReportCategory.Error, DefinitionFailed, project, 0, 0, Validation.PrintableText.Escape(text));

    public static ReportEntry StaleFile(string fullPath, string text) => AtFile(fullPath, Stale, text);

    // The catalog stores paths relative to the project (so the user's assembly is machine-independent); the build
    // runs the host in the project directory, so they resolve against the current directory.
    private static string AppFile(ManifestAppEntry app) => Path.GetFullPath(app.FilePath);

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
