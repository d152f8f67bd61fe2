using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>
/// What the cross-object rules keep of one object while the rest of the set streams past: its identity and waivers,
/// and the few fields of its kind that other objects are checked against (labels, selectors, names, references).
/// The object itself is dropped. Only kinds some cross-object rule looks at have a member.
/// </summary>
internal abstract class SetMember
{
    protected SetMember(RuleTarget target, StringPool pool)
    {
        Index = target.Index;
        Kind = pool.Intern(target.Kind);
        Namespace = pool.InternOrNull(target.Namespace);
        Name = target.Name;
        Waivers = target.Waivers;
    }

    /// <summary>The object's index in the evaluated set.</summary>
    public int Index { get; }

    /// <summary>Its kind.</summary>
    public string Kind { get; }

    /// <summary>Its namespace, or null.</summary>
    public string? Namespace { get; }

    /// <summary>Its name, or empty.</summary>
    public string Name { get; }

    /// <summary>The waiver annotations of the object and its pod template.</summary>
    public Waivers Waivers { get; }

    /// <summary>The namespace it is compared in: its own, or empty when it has none (all such objects share one).</summary>
    public string SetNamespace => Namespace ?? string.Empty;

    /// <summary>How messages name the object: <c>Deployment shop/api</c>.</summary>
    public string Description => RuleTarget.Describe(Kind, Namespace, Name);

    /// <summary>Every field a cross-object rule may report this object at, so callers can remember where they are.</summary>
    public abstract IEnumerable<string> ReportPaths { get; }

    /// <summary>The member for <paramref name="target"/>, or null when no cross-object rule looks at its kind.</summary>
    public static SetMember? Of(RuleTarget target, StringPool pool)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Source switch
        {
            V1NetworkPolicy policy => new NetworkPolicyMember(target, policy.Spec, pool),
            V1Service service => new ServiceMember(target, service.Spec, pool),
            V1Ingress ingress => new IngressMember(target, ingress.Spec, pool),
            V1ServiceAccount account => new ServiceAccountMember(target, account.AutomountServiceAccountToken == false, pool),
            V1Namespace => new NamespaceMember(target, pool),
            V1Role => new RoleMember(target, isClusterRole: false, pool),
            V1ClusterRole => new RoleMember(target, isClusterRole: true, pool),
            V1RoleBinding binding => BindingMember.Of(target, binding.RoleRef, isRoleBinding: true, pool),
            V1ClusterRoleBinding binding => BindingMember.Of(target, binding.RoleRef, isRoleBinding: false, pool),
            // A pod template without a spec still labels the pods it stands for.
            _ when target.PodSpec is not null || target.PodMetadata is not null => new PodMember(target, pool),
            _ => null,
        };
    }
}

/// <summary>A ServiceAccount: SM3002 looks up its name, SM1020 whether it turns token automounting off.</summary>
internal sealed class ServiceAccountMember(RuleTarget target, bool disablesTokenAutomount, StringPool pool) : SetMember(target, pool)
{
    /// <summary>Whether it sets <c>automountServiceAccountToken: false</c>.</summary>
    public bool DisablesTokenAutomount { get; } = disablesTokenAutomount;

    /// <inheritdoc />
    public override IEnumerable<string> ReportPaths => [];
}

/// <summary>A Namespace object: SM4003 judges peers of the namespaces the set knows.</summary>
internal sealed class NamespaceMember(RuleTarget target, StringPool pool) : SetMember(target, pool)
{
    /// <inheritdoc />
    public override IEnumerable<string> ReportPaths => [];
}
