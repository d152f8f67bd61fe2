using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>A Role or ClusterRole, which bindings reference (SM3010) and which should be bound once (SM3011).</summary>
internal sealed class RoleMember : SetMember
{
    /// <summary>The path SM3011 reports a role at.</summary>
    public const string NamePath = "metadata.name";

    private const string AggregateLabelPrefix = "rbac.authorization.k8s.io/aggregate-to-";

    public RoleMember(RuleTarget target, bool isClusterRole, StringPool pool)
        : base(target, pool)
    {
        IsClusterRole = isClusterRole;
        IsAggregated = target.Metadata?.Labels?.Keys.Any(k => k.StartsWith(AggregateLabelPrefix, StringComparison.Ordinal)) == true;
    }

    /// <summary>Whether it is a ClusterRole (otherwise a Role).</summary>
    public bool IsClusterRole { get; }

    /// <summary>Whether it carries a <c>rbac.authorization.k8s.io/aggregate-to-*</c> label: meant to be aggregated, not bound.</summary>
    public bool IsAggregated { get; }

    /// <inheritdoc />
    public override IEnumerable<string> ReportPaths => [NamePath];
}

/// <summary>A RoleBinding or ClusterRoleBinding that has a roleRef with a name, and the role it references.</summary>
internal sealed class BindingMember : SetMember
{
    /// <summary>The path of the referenced role's name.</summary>
    public const string RoleNamePath = "roleRef.name";

    /// <summary>The path of the referenced role's kind.</summary>
    public const string RoleKindPath = "roleRef.kind";

    private BindingMember(RuleTarget target, V1RoleRef roleRef, bool isRoleBinding, StringPool pool)
        : base(target, pool)
    {
        RoleRef = roleRef;
        IsRoleBinding = isRoleBinding;
    }

    /// <summary>The referenced role.</summary>
    public V1RoleRef RoleRef { get; }

    /// <summary>Whether the binding is a namespaced RoleBinding (which can reference a Role of its own namespace).</summary>
    public bool IsRoleBinding { get; }

    /// <summary>Whether it references a Role (otherwise a ClusterRole, the only other valid kind).</summary>
    public bool ReferencesRole => string.Equals(RoleRef.Kind, "Role", StringComparison.Ordinal);

    /// <summary>Whether it references a ClusterRole.</summary>
    public bool ReferencesClusterRole => string.Equals(RoleRef.Kind, "ClusterRole", StringComparison.Ordinal);

    /// <inheritdoc />
    public override IEnumerable<string> ReportPaths => [RoleNamePath, RoleKindPath];

    /// <summary>The member of a binding, or null when its roleRef names nothing (then no rule can follow it).</summary>
    public static BindingMember? Of(RuleTarget target, V1RoleRef? roleRef, bool isRoleBinding, StringPool pool) =>
        roleRef is not null && !string.IsNullOrEmpty(roleRef.Name) ? new BindingMember(target, roleRef, isRoleBinding, pool) : null;
}
