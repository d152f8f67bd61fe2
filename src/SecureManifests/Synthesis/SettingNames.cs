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
    private static readonly (string Name, ManifestLayout Value)[] Layouts =
        [("per-object", ManifestLayout.FilePerObject), ("per-namespace", ManifestLayout.FilePerNamespace), ("single-file", ManifestLayout.SingleFile)];

    private static readonly (string Name, RuleProfile Value)[] Profiles =
        [("baseline", RuleProfile.Baseline), ("restricted", RuleProfile.Restricted), ("secure", RuleProfile.Secure), ("all", RuleProfile.All)];

    private static readonly (string Name, RuleSeverity Value)[] Severities =
        [("error", RuleSeverity.Error), ("warning", RuleSeverity.Warning), ("info", RuleSeverity.Info)];

    public static bool TryParseLayout(string? text, out ManifestLayout layout) => TryFind(Layouts, text, out layout);

    public static bool TryParseProfile(string? text, out RuleProfile profile) => TryFind(Profiles, text, out profile);

    public static bool TryParseSeverity(string? text, out RuleSeverity severity) => TryFind(Severities, text, out severity);

    public static string UnknownLayout(string? value) => $"unknown layout '{value}'; use per-object, per-namespace or single-file";

    public static string UnknownProfile(string? value) => $"unknown profile '{value}'; use baseline, restricted, secure or all";

    public static string UnknownSeverity(string? value) => $"unknown severity '{value}'; use error, warning or info";

    public static string UnknownPssVersion(string? value) =>
        $"unknown Pod Security Standards version '{value}'; use v1.0 to {PssVersion.Latest} or latest";

    private static bool TryFind<T>((string Name, T Value)[] table, string? text, out T value)
    {
        foreach (var (name, candidate) in table)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default!;
        return false;
    }
}
