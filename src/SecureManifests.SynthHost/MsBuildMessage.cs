using System.Globalization;
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

    public static string Finding(ManifestAppEntry app, Finding finding, bool blocking)
    {
        var category = blocking || finding.Severity == RuleSeverity.Error ? "error"
            : finding.Severity == RuleSeverity.Warning ? "warning"
            : "message";
        var where = string.IsNullOrEmpty(finding.Namespace) ? finding.Name : $"{finding.Namespace}/{finding.Name}";
        var text = $"{finding.Message} [{finding.Kind} {where}] at {finding.Path}";
        return category == "message"
            ? $"{Origin(app)}: info {finding.RuleId}: {text}"
            : $"{Origin(app)}: {category} {finding.RuleId}: {text}";
    }

    public static string Error(ManifestAppEntry app, string code, string text) => $"{Origin(app)}: error {code}: {text}";

    public static string StaleFile(string fullPath, string text) => $"{fullPath}: error {Stale}: {text}";

    // The catalog stores paths relative to the project (so the user's assembly is machine-independent); the build
    // runs the host in the project directory, so they resolve against the current directory.
    private static string Origin(ManifestAppEntry app) =>
        string.Create(CultureInfo.InvariantCulture, $"{Path.GetFullPath(app.FilePath)}({app.Line},{app.Column})");
}
