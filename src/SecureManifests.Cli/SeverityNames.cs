using SecureManifests.Rules;

namespace SecureManifests.Cli;

/// <summary>Severity names as written on the command line and in every output format.</summary>
internal static class SeverityNames
{
    public static string Of(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        _ => "info",
    };
}
