using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;

namespace SecureManifests.Model;

/// <summary>
/// A namespaced Role with typed rules. It is granted to exactly one workload's ServiceAccount through one
/// RoleBinding of the same name (SM3011).
/// </summary>
public sealed class Role : ManifestObject
{
    private readonly RoleRules _rules;
    private Workload? _boundTo;

    internal Role(Namespace ns, string name)
        : base(ns.App, ns, "Role", name, NameFormat.Subdomain)
    {
        _rules = new RoleRules(Invalid);
    }

    /// <summary>Grants <paramref name="verbs"/> on a resource of an API group, optionally only on the named objects.</summary>
    public Role Allow(IReadOnlyCollection<Verb> verbs, string resource, string apiGroup = "", params string[] resourceNames)
    {
        Arguments.NotNull(verbs, Reference);
        Arguments.NotNull(resource, Reference);
        Arguments.NotNull(apiGroup, Reference);
        Arguments.NoNulls(resourceNames, Reference);
        _rules.Add(verbs, resource, apiGroup, resourceNames);
        return this;
    }

    /// <summary>Read access (get, watch) to one ConfigMap of the app, by name.</summary>
    public Role CanRead(ConfigMap configMap)
    {
        Arguments.NotNull(configMap, Reference);
        RequireSameApp(configMap, $"rules[{_rules.Rules.Count}].resourceNames");
        return Allow([Verb.Get, Verb.Watch], "configmaps", "", configMap.Name);
    }

    /// <summary>
    /// The typed escape hatch for what the SDK does not name: changes the emitted <c>V1Role</c> after every default is
    /// applied. The result is checked like everything else: an insecure change fails the synth unless a relaxation with
    /// a reason covers it.
    /// </summary>
    public Role Customize(Action<V1Role> change, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Arguments.NotNull(change, Reference);
        CustomizationsOf.Add(change, callerFile, callerLine);
        return this;
    }

    internal void BindTo(Workload workload)
    {
        if (_boundTo is not null)
        {
            throw Invalid("roleBinding", $"already bound to {_boundTo.Reference}; bind each role exactly once (SM3011) and define another role for {workload.Reference}");
        }

        if (!ReferenceEquals(workload.Namespace, Namespace))
        {
            throw Invalid("roleBinding", $"{workload.Reference} is in another namespace; a Role grants access in its own namespace, to workloads of that namespace");
        }

        _boundTo = workload;
    }

    internal override void ValidateComplete()
    {
        if (_rules.Rules.Count == 0)
        {
            throw Invalid("rules", "the role grants nothing; add rules with Allow or CanRead");
        }

        if (_boundTo is null)
        {
            throw Invalid("roleBinding", "the role is never bound (SM3011); grant it to a workload with workload.Bind(role)");
        }
    }

    internal override IEnumerable<IKubernetesObject> Emit()
    {
        yield return new V1Role { ApiVersion = "rbac.authorization.k8s.io/v1", Kind = "Role", Metadata = Metadata(Name, _boundTo!.Name), Rules = [.. _rules.Rules] };
        yield return new V1RoleBinding
        {
            ApiVersion = "rbac.authorization.k8s.io/v1",
            Kind = "RoleBinding",
            Metadata = Metadata(Name, _boundTo.Name),
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = Name },
            Subjects = [ServiceAccountSubject.Of(_boundTo)],
        };
    }
}

internal static class ServiceAccountSubject
{
    public static Rbacv1Subject Of(Workload workload) =>
        new() { Kind = "ServiceAccount", Name = workload.Name, NamespaceProperty = workload.Namespace.Name };
}
