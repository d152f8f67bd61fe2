namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM3011: each Role and ClusterRole of the set should be granted by exactly one binding. A Role counts the
/// RoleBindings of its namespace that reference it; a ClusterRole counts every RoleBinding (in any namespace) and
/// ClusterRoleBinding that references it. ClusterRoles labelled <c>rbac.authorization.k8s.io/aggregate-to-*</c> are
/// meant to be aggregated, not bound, and are not reported as unbound.
/// </summary>
internal sealed class RoleBindingCountRule : ISetRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.RoleBindingCount;

    /// <inheritdoc />
    public void Check(SetMember member, ObjectSetIndex index, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(context);
        if (member is not RoleMember t)
        {
            return;
        }

        var bindings = index.Roles.BindingsOf(t);
        if (bindings is null && t.IsClusterRole && t.IsAggregated)
        {
            return;
        }

        if (bindings is null)
        {
            context.Report(t, RoleMember.NamePath,
                $"{t.Description} is not referenced by any binding in the set: remove it, or bind it to the one subject that needs it");
        }
        else if (bindings.Count > 1)
        {
            context.Report(t, RoleMember.NamePath,
                $"{t.Description} is bound {bindings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} times " +
                $"({string.Join(", ", bindings.Select(b => b.Description))}): grant it with exactly one binding, " +
                "or split it into one role per subject");
        }
    }
}
