using Microsoft.CodeAnalysis;
using SecureManifests.Rules;

namespace SecureManifests.Analyzers;

/// <summary>Reads descriptor texts from <see cref="RuleCatalog"/> so that no rule text is written twice.</summary>
internal static class CatalogText
{
    public static string Title(string id) => RuleCatalog.Get(id).Title;

    /// <summary>
    /// The catalogue message (whose <c>{0}</c> is the subject: container, pod, volume or role) followed by
    /// <c>{1}</c>, the C# field and value the analyzer found, so the user sees which assignment is meant.
    /// </summary>
    public static string Message(string id) => RuleCatalog.Get(id).MessageFormat + " ({1})";

    /// <summary>The relaxation APIs are the sanctioned opt-out, but only with a written reason.</summary>
    public static string ReasonRequiredMessage(string id) =>
        "'{0}' relaxes " + id + " (" + RuleCatalog.Get(id).Name + ") without a reason: pass a non-empty reason that is written to the YAML, or remove the call to keep the secure default";

    public static string Description(string id)
    {
        var rule = RuleCatalog.Get(id);
        return rule.Rationale + " Fix: " + rule.RemediationCSharp;
    }

    public static string HelpLink(string id) => RuleCatalog.Get(id).HelpUri;

    public static bool IsEnabledByDefault(string id) => RuleCatalog.Get(id).Level != RuleLevel.OptIn;

    public static DiagnosticSeverity Severity(string id)
    {
        switch (RuleCatalog.Get(id).DefaultSeverity)
        {
            case RuleSeverity.Error: return DiagnosticSeverity.Error;
            case RuleSeverity.Warning: return DiagnosticSeverity.Warning;
            default: return DiagnosticSeverity.Info;
        }
    }
}
