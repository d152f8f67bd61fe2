using SecureManifests.Rules.Semantics;
namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM4001: a namespaced object in the <c>default</c> namespace. With <see cref="RuleEngineOptions.FlagMissingNamespace"/>,
/// also an object of a built-in namespaced kind with no namespace (it would land in whatever namespace the
/// applying context uses). Cluster-scoped kinds are never flagged; kinds the engine does not know (CRD
/// instances) only when they name <c>default</c>.
/// </summary>
internal sealed class DefaultNamespaceRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.DefaultNamespace;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        if (target.Metadata is null || KindScopes.IsClusterScoped(target.Kind))
        {
            return;
        }

        if (Namespaces.IsDefault(target.Namespace))
        {
            context.Report(target, "metadata.namespace",
                $"metadata.namespace of {target.Description} is default: put it in the app's own namespace");
        }
        else if (string.IsNullOrEmpty(target.Namespace) && context.Options.FlagMissingNamespace && KindScopes.IsNamespaced(target.Kind))
        {
            context.Report(target, "metadata.namespace",
                $"metadata.namespace of {target.Description} is not set, so it lands in the namespace of whoever applies it: " +
                "set it to the app's own namespace");
        }
    }
}
