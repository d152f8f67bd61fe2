using SecureManifests.Rules.Semantics;
using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>SM3003: a RoleBinding or ClusterRoleBinding whose roleRef is the ClusterRole <c>cluster-admin</c>, <c>admin</c> or <c>edit</c>.</summary>
internal sealed class ClusterAdminBindingRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.ClusterAdminBinding;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        var roleRef = target.Source switch
        {
            V1RoleBinding binding => binding.RoleRef,
            V1ClusterRoleBinding binding => binding.RoleRef,
            _ => null,
        };
        if (roleRef is not null && RbacBindings.IsPowerfulClusterRole(roleRef.Kind, roleRef.Name))
        {
            context.Report(target, "roleRef.name",
                $"roleRef.name of {target.Description} is the built-in ClusterRole '{roleRef.Name}', which grants broad write access: " +
                "bind a Role that lists only the verbs and resources the subject needs");
        }
    }
}
