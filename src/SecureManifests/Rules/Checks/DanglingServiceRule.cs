using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM4004: a Service's selector matches no pod template in its namespace. Services without a selector
/// (endpoints managed elsewhere) and ExternalName Services (which ignore the selector) are skipped.
/// </summary>
internal sealed class DanglingServiceRule : ISetRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.DanglingService;

    /// <inheritdoc />
    public void Check(IReadOnlyList<RuleTarget> targets, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(context);
        var index = ObjectSetIndex.For(targets);
        foreach (var t in targets)
        {
            if (t.Source is not V1Service { Spec: { Selector: { Count: > 0 } selector } spec } ||
                string.Equals(spec.Type, "ExternalName", StringComparison.Ordinal))
            {
                continue;
            }

            var ns = ObjectSetIndex.NamespaceOf(t);
            if (!index.AnyPodMatches(ns, selector))
            {
                var labels = string.Join(", ", selector.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
                context.Report(t, "spec.selector",
                    $"spec.selector ({labels}) of {t.Description} matches no pod template in namespace " +
                    $"{(ns.Length == 0 ? "(no namespace)" : ns)}: set it to the pod template labels of the workload it fronts");
            }
        }
    }
}
