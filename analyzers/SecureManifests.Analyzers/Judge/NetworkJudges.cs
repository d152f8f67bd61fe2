using SecureManifests.Analyzers.Parse;
using SecureManifests.Rules;
using SecureManifests.Rules.Semantics;

namespace SecureManifests.Analyzers.Judge;

/// <summary>Network and namespaces (SM40xx): the default namespace, Pod Security labels of Namespaces, exposed Services.</summary>
internal static class NetworkJudges
{
    public static void Register(JudgeTable table)
    {
        table.Add(ModelKind.ObjectMeta, "NamespaceProperty", JudgeNamespace);
        table.Add(ModelKind.ObjectMeta, "Labels", JudgeNamespaceLabels);
        table.Add(ModelKind.ServiceSpec, "Type",
            (s, v) => Judging.IfString(s, ServiceTypes.IsExposed, RuleIds.ExposedService, v, FixSuggestion.Replace("\"" + ServiceTypes.ClusterIP + "\"")));
    }

    /// <summary>SM4001: <c>default</c> as the namespace of anything but a cluster-scoped kind (whose namespace is ignored).</summary>
    private static void JudgeNamespace(Setting setting, Verdicts verdicts)
    {
        if (!setting.Scalar().TryString(out var ns) || !Namespaces.IsDefault(ns))
        {
            return;
        }

        // The object holding this metadata, when the parse step can tell: an unknown owner is judged as namespaced.
        if (setting.OwnerKind().TryString(out var kind) && KindScopes.IsClusterScoped(kind))
        {
            return;
        }

        verdicts.Add(RuleIds.DefaultNamespace, setting, Judging.Describe(setting, Judging.Quote(ns!)));
    }

    /// <summary>SM4007: the labels of a Namespace's metadata without an enforcing Pod Security level.</summary>
    private static void JudgeNamespaceLabels(Setting setting, Verdicts verdicts)
    {
        if (!setting.OwnerKind().TryString(out var kind) || kind != "Namespace" || !setting.Entries().TryEntries(out var labels))
        {
            return;
        }

        labels.TryGetValue(Namespaces.PodSecurityEnforceLabel, out var level);
        if (!Namespaces.IsEnforcingLevel(level))
        {
            verdicts.Add(RuleIds.NamespaceWithoutPodSecurity, setting,
                "Labels without " + Namespaces.PodSecurityEnforceLabel + (level is null ? string.Empty : " = " + Judging.Quote(level)));
        }
    }
}
