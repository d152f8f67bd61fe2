using System.Reflection;
using SecureManifests.Rules;

namespace SecureManifests.Cli.Lint;

/// <summary>
/// Engine options that are being added on another branch while this tool is written. Set through
/// reflection so the tool builds against the engine with or without them; once
/// <c>RuleEngineOptions.FlagMissingNamespace</c> is on main this class becomes a direct assignment.
/// </summary>
internal static class EngineFeatures
{
    private static readonly PropertyInfo? FlagMissingNamespaceProperty =
        typeof(RuleEngineOptions).GetProperty("FlagMissingNamespace", BindingFlags.Public | BindingFlags.Instance);

    /// <summary>Whether the engine can flag namespaced objects that have no namespace (SM4001 in lint).</summary>
    public static bool SupportsFlagMissingNamespace => FlagMissingNamespaceProperty is { CanWrite: true, PropertyType: var t } && t == typeof(bool);

    /// <summary>Turns on SM4001's missing-namespace check when the engine has it.</summary>
    public static void TryFlagMissingNamespace(RuleEngineOptions options)
    {
        if (SupportsFlagMissingNamespace)
        {
            FlagMissingNamespaceProperty!.SetValue(options, true);
        }
    }
}
