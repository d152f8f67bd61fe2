using System.Collections.Immutable;
using SecureManifests.Rules;

namespace SecureManifests.CodeFixes;

/// <summary>
/// The rules some finding of which carries a mechanical fix (the analyzers' judgments attach it). Listing only
/// these keeps clients such as <c>dotnet format</c> from reporting "Unable to fix" for the rest. A test checks
/// this list against the fixes the analyzers actually offer.
/// </summary>
internal static class FixableRules
{
    public static readonly ImmutableArray<string> Ids = ImmutableArray.Create(
        RuleIds.PrivilegedContainer, RuleIds.HostNamespaces, RuleIds.HostPathVolume, RuleIds.HostPort, RuleIds.DangerousCapabilityAdded,
        RuleIds.CapabilitiesNotDropped, RuleIds.PrivilegeEscalationAllowed, RuleIds.RunAsNonRootNotSet, RuleIds.RunAsRootUser,
        RuleIds.SeccompUnconfined, RuleIds.ApparmorUnconfined, RuleIds.SelinuxCustomOptions, RuleIds.UnmaskedProcMount,
        RuleIds.WindowsHostProcess, RuleIds.ProbeHostOverride, RuleIds.WritableRootFilesystem, RuleIds.ServiceAccountTokenAutomount,
        RuleIds.MutableImageTag, RuleIds.ExposedService);
}
