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
    public void Check(SetMember member, ObjectSetIndex index, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(context);
        if (member is not ServiceMember { Spec: { Selector: { Count: > 0 } selector } spec } t ||
            string.Equals(spec.Type, "ExternalName", StringComparison.Ordinal))
        {
            return;
        }

        var ns = t.SetNamespace;
        if (!index.AnyPodMatches(ns, selector))
        {
            var labels = string.Join(", ", selector.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
            context.Report(t, ServiceMember.SelectorPath,
                $"spec.selector ({labels}) of {t.Description} matches no pod template in namespace " +
                $"{(ns.Length == 0 ? "(no namespace)" : ns)}: set it to the pod template labels of the workload it fronts");
        }
    }
}
