using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;

namespace SecureManifests.Model;

/// <summary>
/// A ClusterRole with typed rules, granted to exactly one workload: in its namespace (a RoleBinding) or, when
/// cluster-wide access is really needed, everywhere (a ClusterRoleBinding).
/// </summary>
public sealed class ClusterRole : ManifestObject
{
    private readonly RoleRules _rules;
    private Workload? _boundTo;
    private bool _clusterWide;

    internal ClusterRole(App app, string name)
        : base(app, null, "ClusterRole", name, NameFormat.Subdomain)
    {
        _rules = new RoleRules(Invalid);
    }

    /// <inheritdoc cref="Role.Allow"/>
    public ClusterRole Allow(IReadOnlyCollection<Verb> verbs, string resource, string apiGroup = "", params string[] resourceNames)
    {
        Arguments.NotNull(verbs, Reference);
        Arguments.NotNull(resource, Reference);
        Arguments.NotNull(apiGroup, Reference);
        Arguments.NoNulls(resourceNames, Reference);
        _rules.Add(verbs, resource, apiGroup, resourceNames);
        return this;
    }

    /// <summary>
    /// The typed escape hatch for what the SDK does not name: changes the emitted <c>V1ClusterRole</c> after every default is
    /// applied. The result is checked like everything else: an insecure change fails the synth unless a relaxation with
    /// a reason covers it.
    /// </summary>
    public ClusterRole Customize(Action<V1ClusterRole> change, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Arguments.NotNull(change, Reference);
        CustomizationsOf.Add(change, callerFile, callerLine);
        return this;
    }

    internal void BindTo(Workload workload, bool clusterWide)
    {
        if (_boundTo is not null)
        {
            throw Invalid("binding", $"already bound to {_boundTo.Reference}; bind each role exactly once (SM3011)");
        }

        _boundTo = workload;
        _clusterWide = clusterWide;
    }

    internal override void ValidateComplete()
    {
        if (_rules.Rules.Count == 0)
        {
            throw Invalid("rules", "the role grants nothing; add rules with Allow");
        }

        if (_boundTo is null)
        {
            throw Invalid("binding", "the role is never bound (SM3011); grant it with workload.Bind(clusterRole)");
        }
    }

    internal override IEnumerable<IKubernetesObject> Emit()
    {
        var labels = RecommendedLabels.For(App, _boundTo!.Name);
        yield return new V1ClusterRole
        {
            ApiVersion = "rbac.authorization.k8s.io/v1",
            Kind = "ClusterRole",
            Metadata = new V1ObjectMeta { Name = Name, Labels = labels },
            Rules = [.. _rules.Rules],
        };
        var roleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = Name };
        var subjects = new List<Rbacv1Subject> { ServiceAccountSubject.Of(_boundTo) };
        if (_clusterWide)
        {
            yield return new V1ClusterRoleBinding
            {
                ApiVersion = "rbac.authorization.k8s.io/v1",
                Kind = "ClusterRoleBinding",
                Metadata = new V1ObjectMeta { Name = Name, Labels = RecommendedLabels.For(App, _boundTo.Name) },
                RoleRef = roleRef,
                Subjects = subjects,
            };
        }
        else
        {
            yield return new V1RoleBinding
            {
                ApiVersion = "rbac.authorization.k8s.io/v1",
                Kind = "RoleBinding",
                Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = _boundTo.Namespace.Name, Labels = RecommendedLabels.For(App, _boundTo.Name) },
                RoleRef = roleRef,
                Subjects = subjects,
            };
        }
    }
}
