using SecureManifests.Rules;

namespace SecureManifests.Synthesis;

/// <summary>One line per finding, in the compiler-like form <c>severity ID: message [Kind ns/name] at path</c>.</summary>
internal static class FindingText
{
    public static string Format(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var severity = finding.Severity switch
        {
            RuleSeverity.Error => "error",
            RuleSeverity.Warning => "warning",
            _ => "info",
        };
        var where = string.IsNullOrEmpty(finding.Namespace) ? finding.Name : $"{finding.Namespace}/{finding.Name}";
        return $"{severity} {finding.RuleId}: {finding.Message} [{finding.Kind} {where}] at {finding.Path}";
    }
}
