using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>A RoleBinding or ClusterRoleBinding of the set and the role it references.</summary>
internal sealed record RoleBindingReference(RuleTarget Binding, V1RoleRef RoleRef)
{
    /// <summary>The bindings of <paramref name="targets"/> that have a roleRef, in set order.</summary>
    public static List<RoleBindingReference> All(IReadOnlyList<RuleTarget> targets)
    {
        var result = new List<RoleBindingReference>();
        foreach (var t in targets)
        {
            var roleRef = t.Source switch
            {
                V1RoleBinding binding => binding.RoleRef,
                V1ClusterRoleBinding binding => binding.RoleRef,
                _ => null,
            };
            if (roleRef is not null && !string.IsNullOrEmpty(roleRef.Name))
            {
                result.Add(new RoleBindingReference(t, roleRef));
            }
        }

        return result;
    }

    /// <summary>Whether the binding is a namespaced RoleBinding (which can reference a Role of its own namespace).</summary>
    public bool IsRoleBinding => Binding.Source is V1RoleBinding;

    /// <summary>Whether it references a Role (otherwise a ClusterRole, the only other valid kind).</summary>
    public bool ReferencesRole => string.Equals(RoleRef.Kind, "Role", StringComparison.Ordinal);

    /// <summary>Whether it references a ClusterRole.</summary>
    public bool ReferencesClusterRole => string.Equals(RoleRef.Kind, "ClusterRole", StringComparison.Ordinal);
}
