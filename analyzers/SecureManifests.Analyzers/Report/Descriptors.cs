using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SecureManifests.Rules;

namespace SecureManifests.Analyzers;

/// <summary>
/// The analyzers' diagnostic descriptors, made from <see cref="RuleCatalog"/>: one for every catalogue rule the
/// analyzers enforce (title, message, severity, description and help link from its entry), one "needs a reason"
/// descriptor for each rule an SDK relaxation can waive, and SM0001, the analyzers' own rule.
/// </summary>
internal static class Descriptors
{
    /// <summary>The analyzer category for every SecureManifests diagnostic (used by SuppressMessage and .editorconfig).</summary>
    public const string Category = "SecureManifests";

    /// <summary>Analyzer-only rule: a SuppressMessage for a SecureManifests rule without a justification.</summary>
    public const string SuppressionWithoutJustificationId = "SM0001";

    /// <summary>The rules whose SDK relaxation calls need a reason (see <c>SecureManifests.Defaults.Relaxation</c>).</summary>
    private static readonly string[] RelaxableRules =
    {
        RuleIds.PrivilegedContainer, RuleIds.HostNamespaces, RuleIds.HostPathVolume, RuleIds.HostPort, RuleIds.DangerousCapabilityAdded,
        RuleIds.CapabilitiesNotDropped, RuleIds.PrivilegeEscalationAllowed, RuleIds.RunAsNonRootNotSet, RuleIds.SeccompUnconfined,
        RuleIds.WritableRootFilesystem, RuleIds.ServiceAccountTokenAutomount, RuleIds.MutableImageTag,
    };

    /// <summary>The catalogue rules the SDK analyzer checks on fluent calls (the rest are raw-model rules).</summary>
    private static readonly string[] SdkRules =
    {
        RuleIds.MutableImageTag, RuleIds.SecretLiteralInEnv, RuleIds.RunAsRootUser, RuleIds.SshPortExposed, RuleIds.DefaultNamespace,
    };

    private static readonly Dictionary<string, DiagnosticDescriptor> ByRule = RuleCatalog.All
        .Where(r => (r.EnforcedBy & RuleEnforcementPoints.Analyzer) != 0)
        .ToDictionary(r => r.Id, r => Create(r, CatalogText.Message(r.Id)));

    private static readonly Dictionary<string, DiagnosticDescriptor> ReasonRequiredByRule = RelaxableRules
        .ToDictionary(id => id, id => Create(RuleCatalog.Get(id), CatalogText.ReasonRequiredMessage(id)));

    public static readonly DiagnosticDescriptor SuppressionWithoutJustification = new(
        SuppressionWithoutJustificationId,
        "SuppressMessage for a SecureManifests rule needs a Justification",
        "[SuppressMessage] of rule '{0}' has no Justification: add Justification = \"<why the rule does not apply>\"",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A suppressed security rule is an exception to the secure defaults; the reason must be written next to it so reviewers can judge it.",
        helpLinkUri: RuleDescriptor.HelpUriBase + SuppressionWithoutJustificationId + ".md");

    /// <summary>
    /// SM0106, the build step's "could not synthesize" error, reported while typing for literal arguments that the SDK
    /// rejects when the app is defined: the same ID and the same problem text as the build.
    /// </summary>
    public static readonly DiagnosticDescriptor DefinitionRejected = new(
        "SM0106",
        "The SDK rejects this definition",
        "{0}: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The SDK validates names, ports, quantities, image references and schedules when an app is defined; the build step reports a rejected definition as SM0106.",
        helpLinkUri: RuleDescriptor.HelpUriBase + "SM0106.md");

    /// <summary>Every catalogue rule the analyzers enforce, as reported on raw KubernetesClient models.</summary>
    public static ImmutableArray<DiagnosticDescriptor> RawModel { get; } = ByRule.Values.OrderBy(d => d.Id, System.StringComparer.Ordinal).ToImmutableArray();

    /// <summary>What the SDK analyzer reports: its rules, and relaxation calls without a reason.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Sdk { get; } =
        SdkRules.Select(For).Concat(RelaxableRules.Select(ReasonRequired)).ToImmutableArray();

    /// <summary>The descriptor of catalogue rule <paramref name="id"/>.</summary>
    public static DiagnosticDescriptor For(string id) => ByRule[id];

    /// <summary>The descriptor for a relaxation of rule <paramref name="id"/> whose reason is empty.</summary>
    public static DiagnosticDescriptor ReasonRequired(string id) => ReasonRequiredByRule[id];

    // The catalogue is the one place the IDs are written; release tracking (RS1017/RS2000) needs constant IDs at
    // each creation site, so a test checks AnalyzerReleases.*.md against these descriptors instead.
#pragma warning disable RS1017 // DiagnosticId must be a constant
    private static DiagnosticDescriptor Create(RuleDescriptor rule, string message) => new(
        rule.Id, rule.Title, message, Category, CatalogText.Severity(rule.Id), CatalogText.IsEnabledByDefault(rule.Id),
        CatalogText.Description(rule.Id), CatalogText.HelpLink(rule.Id));
#pragma warning restore RS1017
}
