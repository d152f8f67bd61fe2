using SecureManifests.Output;
using SecureManifests.Rules;
using SecureManifests.Synthesis;

namespace SecureManifests.Tests.Sdk;

/// <summary>The words the app runner, the build step and the CLI all accept for layouts, profiles and severities.</summary>
public class SettingNamesTests
{
    [Theory]
    [InlineData("per-object", ManifestLayout.FilePerObject)]
    [InlineData("per-namespace", ManifestLayout.FilePerNamespace)]
    [InlineData("Single-File", ManifestLayout.SingleFile)]
    public void Layouts_parse_case_insensitively(string text, ManifestLayout expected)
    {
        Assert.True(SettingNames.TryParseLayout(text, out var layout));
        Assert.Equal(expected, layout);
    }

    [Theory]
    [InlineData("baseline", RuleProfile.Baseline)]
    [InlineData("Restricted", RuleProfile.Restricted)]
    [InlineData("SECURE", RuleProfile.Secure)]
    [InlineData("all", RuleProfile.All)]
    public void Profiles_parse_case_insensitively(string text, RuleProfile expected)
    {
        Assert.True(SettingNames.TryParseProfile(text, out var profile));
        Assert.Equal(expected, profile);
    }

    [Theory]
    [InlineData("error", RuleSeverity.Error)]
    [InlineData("Warning", RuleSeverity.Warning)]
    [InlineData("info", RuleSeverity.Info)]
    public void Severities_parse_case_insensitively(string text, RuleSeverity expected)
    {
        Assert.True(SettingNames.TryParseSeverity(text, out var severity));
        Assert.Equal(expected, severity);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("strict")]
    public void Anything_else_is_refused_with_the_accepted_words(string? text)
    {
        Assert.False(SettingNames.TryParseLayout(text, out _));
        Assert.False(SettingNames.TryParseProfile(text, out _));
        Assert.False(SettingNames.TryParseSeverity(text, out _));
        Assert.EndsWith("use baseline, restricted, secure or all", SettingNames.UnknownProfile(text), StringComparison.Ordinal);
        Assert.EndsWith("use error, warning or info", SettingNames.UnknownSeverity(text), StringComparison.Ordinal);
        Assert.EndsWith("use per-object, per-namespace or single-file", SettingNames.UnknownLayout(text), StringComparison.Ordinal);
    }
}
