using SecureManifests.Rules.Semantics;

namespace SecureManifests.Rules.Checks;

/// <summary>SM2014: no removed or deprecated apiVersion. The message names the stable replacement.</summary>
internal sealed class DeprecatedApiVersionRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.DeprecatedApiVersion;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        if (DeprecatedApis.Replacement(target.ApiVersion, target.Kind) is not { } replacement)
        {
            return;
        }

        context.Report(target, "apiVersion",
            $"apiVersion {target.ApiVersion} of {target.Description} is removed or deprecated: {replacement}");
    }
}
