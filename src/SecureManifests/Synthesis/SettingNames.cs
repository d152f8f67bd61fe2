using SecureManifests.CommandLine;
using SecureManifests.Output;
using SecureManifests.Rules;

namespace SecureManifests.Synthesis;

/// <summary>
/// The names users write for synth and lint settings (command-line options and MSBuild properties), in one place
/// so the app runner, the build step's host and the CLI accept the same words and explain them the same way.
/// Names are matched case-insensitively: <c>Restricted</c> in a project file means <c>restricted</c>.
/// </summary>
internal static class SettingNames
{
    private static readonly WordTable<ManifestLayout> Layouts =
        new(("per-object", ManifestLayout.FilePerObject), ("per-namespace", ManifestLayout.FilePerNamespace), ("single-file", ManifestLayout.SingleFile));

    private static readonly WordTable<RuleProfile> Profiles =
        new(("baseline", RuleProfile.Baseline), ("restricted", RuleProfile.Restricted), ("secure", RuleProfile.Secure), ("all", RuleProfile.All));

    private static readonly WordTable<RuleSeverity> Severities =
        new(("error", RuleSeverity.Error), ("warning", RuleSeverity.Warning), ("info", RuleSeverity.Info));

    /// <summary>The layout words, for help and shell completion.</summary>
    public static IEnumerable<string> LayoutNames => Layouts.Names;

    /// <summary>The profile words.</summary>
    public static IEnumerable<string> ProfileNames => Profiles.Names;

    /// <summary>The severity words.</summary>
    public static IEnumerable<string> SeverityNames => Severities.Names;

    /// <summary>The Pod Security Standards versions, oldest first, then <c>latest</c>.</summary>
    public static IEnumerable<string> PssVersionNames =>
        Enumerable.Range(PssVersion.Oldest.Minor, PssVersion.Latest.Minor - PssVersion.Oldest.Minor + 1)
            .Select(minor => PssVersion.V1(minor).ToString())
            .Append("latest");

    public static bool TryParseLayout(string? text, out ManifestLayout layout) => Layouts.TryParse(text, out layout);

    public static bool TryParseProfile(string? text, out RuleProfile profile) => Profiles.TryParse(text, out profile);

    public static bool TryParseSeverity(string? text, out RuleSeverity severity) => Severities.TryParse(text, out severity);

    public static string UnknownLayout(string? value) => $"unknown layout '{value}'; use per-object, per-namespace or single-file";

    public static string UnknownProfile(string? value) => $"unknown profile '{value}'; use baseline, restricted, secure or all";

    public static string UnknownSeverity(string? value) => $"unknown severity '{value}'; use error, warning or info";

    public static string UnknownPssVersion(string? value) =>
        $"unknown Pod Security Standards version '{value}'; use v1.0 to {PssVersion.Latest} or latest";
}
