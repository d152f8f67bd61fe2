namespace SecureManifests.Rules.Checks;

/// <summary>The Roles and ClusterRoles of a set, and its bindings by the role they reference (SM3010, SM3011).</summary>
internal sealed class RoleIndex
{
    private readonly HashSet<(string Namespace, string Name)> _roles = new();
    private readonly HashSet<string> _clusterRoles = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Namespace, string Name), List<BindingMember>> _roleBindings = new();
    private readonly Dictionary<string, List<BindingMember>> _clusterRoleBindings = new(StringComparer.Ordinal);

    public void Add(RoleMember role)
    {
        if (role.IsClusterRole)
        {
            _clusterRoles.Add(role.Name);
        }
        else
        {
            _roles.Add((role.SetNamespace, role.Name));
        }
    }

    public void Add(BindingMember binding)
    {
        if (binding.ReferencesClusterRole)
        {
            Add(_clusterRoleBindings, binding.RoleRef.Name, binding);
        }
        else if (binding.ReferencesRole && binding.IsRoleBinding)
        {
            Add(_roleBindings, (binding.SetNamespace, binding.RoleRef.Name), binding);
        }
    }

    /// <summary>Whether the set has the Role <paramref name="name"/> in <paramref name="ns"/>.</summary>
    public bool HasRole(string ns, string name) => _roles.Contains((ns, name));

    /// <summary>Whether the set has the ClusterRole <paramref name="name"/>.</summary>
    public bool HasClusterRole(string name) => _clusterRoles.Contains(name);

    /// <summary>The bindings that grant <paramref name="role"/>, in set order, or null when none does.</summary>
    public IReadOnlyList<BindingMember>? BindingsOf(RoleMember role) => role.IsClusterRole
        ? _clusterRoleBindings.GetValueOrDefault(role.Name)
        : _roleBindings.GetValueOrDefault((role.SetNamespace, role.Name));

    private static void Add<TKey>(Dictionary<TKey, List<BindingMember>> map, TKey key, BindingMember binding)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = new List<BindingMember>();
        }

        list.Add(binding);
    }
}
