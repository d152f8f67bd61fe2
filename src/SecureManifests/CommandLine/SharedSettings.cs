using System.CommandLine;
using SecureManifests.Output;
using SecureManifests.Rules;
using SecureManifests.Synthesis;

namespace SecureManifests.CommandLine;

/// <summary>
/// The settings that the app runner, the build step's host and the CLI's synth, lint and policy commands share, each
/// defined once: a command adds <c>SharedSettings.Profile.Create(dialect)</c>, never an option of its own.
/// </summary>
internal static class SharedSettings
{
    public static readonly SettingOption<RuleProfile> Profile = new()
    {
        Name = "--profile",
        MsBuildProperty = "SecureManifestsProfile",
        HelpName = "P",
        Values = "baseline | restricted | secure | all (default: secure)",
        Parse = SettingNames.TryParseProfile,
        Unknown = SettingNames.UnknownProfile,
        Words = () => SettingNames.ProfileNames,
    };

    public static readonly SettingOption<PssVersion> PssVersion = new()
    {
        Name = "--pss-version",
        MsBuildProperty = "SecureManifestsPssVersion",
        HelpName = "V",
        Values = $"Pod Security Standards version v1.0 .. {Rules.PssVersion.Latest} or latest (default: latest)",
        Parse = Rules.PssVersion.TryParse,
        Unknown = SettingNames.UnknownPssVersion,
        Words = () => SettingNames.PssVersionNames,
    };

    public static readonly SettingOption<RuleSeverity> FailOn = new()
    {
        Name = "--fail-on",
        MsBuildProperty = "SecureManifestsFailOn",
        HelpName = "S",
        Values = "error | warning | info (default: error)",
        Parse = SettingNames.TryParseSeverity,
        Unknown = SettingNames.UnknownSeverity,
        Words = () => SettingNames.SeverityNames,
    };

    public static readonly SettingOption<ManifestLayout> Layout = new()
    {
        Name = "--layout",
        MsBuildProperty = "SecureManifestsLayout",
        HelpName = "L",
        Values = "per-object | per-namespace | single-file (default: per-object)",
        Parse = SettingNames.TryParseLayout,
        Unknown = SettingNames.UnknownLayout,
        Words = () => SettingNames.LayoutNames,
    };

    /// <summary>
    /// <c>-o, --output PATH</c>: where a command writes. Blank is refused on a command line (it would write into the
    /// current folder by accident); in the MSBuild dialect it means not given, like every empty property.
    /// </summary>
    /// <param name="dialect">Who writes the command line.</param>
    /// <param name="helpName">The placeholder, <c>DIR</c> or <c>FILE</c>.</param>
    /// <param name="description">What is written there, and the default.</param>
    public static Option<string> Output(SettingDialect dialect, string helpName, string description)
    {
        var noun = helpName == "FILE" ? "file" : "folder";
        var blank = dialect == SettingDialect.CommandLine ? $"--output needs a {noun}" : null;
        return TextOption.Create("--output", helpName, description, text => string.IsNullOrWhiteSpace(text) ? blank : null, "-o");
    }
}
