using k8s.Models;
using SecureManifests.Rules.Semantics;

namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM3010: a binding whose roleRef names a Role (in the binding's namespace) or a ClusterRole that is not in the
/// set and is not one the API server creates itself (<see cref="BootstrapRoles"/>; a bootstrap Role only in the
/// namespace it is bootstrapped into). A ClusterRoleBinding that references a Role, or a roleRef of any other kind,
/// is reported too: the API server rejects it.
/// </summary>
internal sealed class DanglingRoleBindingRule : ISetRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.DanglingRoleBinding;

    /// <inheritdoc />
    public void Check(IReadOnlyList<RuleTarget> targets, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(context);
        var bindings = RoleBindingReference.All(targets);
        if (bindings.Count == 0)
        {
            return;
        }

        var roles = new HashSet<(string, string)>();
        var clusterRoles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in targets)
        {
            if (t.Source is V1Role)
            {
                roles.Add((ObjectSetIndex.NamespaceOf(t), t.Name));
            }
            else if (t.Source is V1ClusterRole)
            {
                clusterRoles.Add(t.Name);
            }
        }

        foreach (var b in bindings)
        {
            var t = b.Binding;
            var name = b.RoleRef.Name;
            if (b.ReferencesClusterRole)
            {
                if (!clusterRoles.Contains(name) && !BootstrapRoles.IsBootstrapClusterRole(name))
                {
                    context.Report(t, "roleRef.name",
                        $"roleRef.name of {t.Description} names ClusterRole '{name}', which is not in the set and is not built in: " +
                        "add the ClusterRole or fix the name");
                }
            }
            else if (b.ReferencesRole && b.IsRoleBinding)
            {
                var ns = ObjectSetIndex.NamespaceOf(t);
                if (!roles.Contains((ns, name)) && !BootstrapRoles.IsBootstrapRole(ns, name))
                {
                    context.Report(t, "roleRef.name",
                        $"roleRef.name of {t.Description} names Role '{name}', which is not in namespace {(ns.Length == 0 ? "(no namespace)" : ns)}: " +
                        "add the Role to the binding's namespace or fix the name");
                }
            }
            else
            {
                context.Report(t, "roleRef.kind",
                    $"roleRef.kind of {t.Description} is '{b.RoleRef.Kind}', which it cannot reference: " +
                    (b.IsRoleBinding ? "use Role or ClusterRole" : "a ClusterRoleBinding references a ClusterRole"));
            }
        }
    }
}
