using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM3011: each Role and ClusterRole of the set should be granted by exactly one binding. A Role counts the
/// RoleBindings of its namespace that reference it; a ClusterRole counts every RoleBinding (in any namespace) and
/// ClusterRoleBinding that references it. ClusterRoles labelled <c>rbac.authorization.k8s.io/aggregate-to-*</c> are
/// meant to be aggregated, not bound, and are not reported as unbound.
/// </summary>
internal sealed class RoleBindingCountRule : ISetRule
{
    private const string AggregateLabelPrefix = "rbac.authorization.k8s.io/aggregate-to-";

    /// <inheritdoc />
    public string RuleId => RuleIds.RoleBindingCount;

    /// <inheritdoc />
    public void Check(IReadOnlyList<RuleTarget> targets, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(context);
        var roleBindings = new Dictionary<(string, string), List<RuleTarget>>();
        var clusterRoleBindings = new Dictionary<string, List<RuleTarget>>(StringComparer.Ordinal);
        foreach (var b in RoleBindingReference.All(targets))
        {
            if (b.ReferencesClusterRole)
            {
                Add(clusterRoleBindings, b.RoleRef.Name, b.Binding);
            }
            else if (b.ReferencesRole && b.IsRoleBinding)
            {
                Add(roleBindings, (ObjectSetIndex.NamespaceOf(b.Binding), b.RoleRef.Name), b.Binding);
            }
        }

        foreach (var t in targets)
        {
            List<RuleTarget>? bindings;
            if (t.Source is V1Role)
            {
                roleBindings.TryGetValue((ObjectSetIndex.NamespaceOf(t), t.Name), out bindings);
            }
            else if (t.Source is V1ClusterRole)
            {
                clusterRoleBindings.TryGetValue(t.Name, out bindings);
                if (bindings is null && IsAggregated(t))
                {
                    continue;
                }
            }
            else
            {
                continue;
            }

            if (bindings is null)
            {
                context.Report(t, "metadata.name",
                    $"{t.Description} is not referenced by any binding in the set: remove it, or bind it to the one subject that needs it");
            }
            else if (bindings.Count > 1)
            {
                context.Report(t, "metadata.name",
                    $"{t.Description} is bound {bindings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} times " +
                    $"({string.Join(", ", bindings.Select(b => b.Description))}): grant it with exactly one binding, " +
                    "or split it into one role per subject");
            }
        }
    }

    private static bool IsAggregated(RuleTarget t) =>
        t.Metadata?.Labels?.Keys.Any(k => k.StartsWith(AggregateLabelPrefix, StringComparison.Ordinal)) == true;

    private static void Add<TKey>(Dictionary<TKey, List<RuleTarget>> map, TKey key, RuleTarget binding)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = new List<RuleTarget>();
        }

        list.Add(binding);
    }
}
