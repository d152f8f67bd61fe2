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
    public void Check(SetMember member, ObjectSetIndex index, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(context);
        if (member is not BindingMember t)
        {
            return;
        }

        var name = t.RoleRef.Name;
        if (t.ReferencesClusterRole)
        {
            if (!index.Roles.HasClusterRole(name) && !BootstrapRoles.IsBootstrapClusterRole(name))
            {
                context.Report(t, BindingMember.RoleNamePath,
                    $"roleRef.name of {t.Description} names ClusterRole '{name}', which is not in the set and is not built in: " +
                    "add the ClusterRole or fix the name");
            }
        }
        else if (t.ReferencesRole && t.IsRoleBinding)
        {
            var ns = t.SetNamespace;
            if (!index.Roles.HasRole(ns, name) && !BootstrapRoles.IsBootstrapRole(ns, name))
            {
                context.Report(t, BindingMember.RoleNamePath,
                    $"roleRef.name of {t.Description} names Role '{name}', which is not in namespace {(ns.Length == 0 ? "(no namespace)" : ns)}: " +
                    "add the Role to the binding's namespace or fix the name");
            }
        }
        else
        {
            context.Report(t, BindingMember.RoleKindPath,
                $"roleRef.kind of {t.Description} is '{t.RoleRef.Kind}', which it cannot reference: " +
                (t.IsRoleBinding ? "use Role or ClusterRole" : "a ClusterRoleBinding references a ClusterRole"));
        }
    }
}
