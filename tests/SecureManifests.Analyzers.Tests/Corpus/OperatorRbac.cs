// Corpus: RBAC that operators generate for themselves: rules from attributes on the reconcilers, the cluster roles a
// cert-manager-like controller ships (controller, cainjector, approver, ACME solver) and their bindings.
using System;
using System.Collections.Generic;
using System.Linq;
using k8s;
using k8s.Models;

namespace Contoso.Widgets.Operator.Rbac;

[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class EntityRbacAttribute : Attribute
{
    public EntityRbacAttribute(string group, string resource, params string[] verbs)
    {
        Group = group;
        Resource = resource;
        Verbs = verbs;
    }

    public string Group { get; }

    public string Resource { get; }

    public string[] Verbs { get; }
}

public static class RbacGenerator
{
    private const string RbacGroup = "rbac.authorization.k8s.io";
    private static readonly string[] ReadVerbs = { "get", "list", "watch" };

    /// <summary>One rule per attribute: only known at run time.</summary>
    public static V1ClusterRole FromAttributes(string name, IEnumerable<EntityRbacAttribute> attributes) => new V1ClusterRole
    {
        Metadata = new V1ObjectMeta { Name = name },
        Rules = attributes
            .GroupBy(a => (a.Group, string.Join(",", a.Verbs.OrderBy(v => v))))
            .Select(g => new V1PolicyRule
            {
                ApiGroups = new[] { g.Key.Group },
                Resources = g.Select(a => a.Resource).Distinct().ToList(),
                Verbs = g.First().Verbs,
            })
            .ToList(),
    };

    /// <summary>The operator's own role: its CRDs, what it reconciles into, and the status subresources.</summary>
    public static V1ClusterRole OperatorRole() => new V1ClusterRole
    {
        ApiVersion = $"{RbacGroup}/v1",
        Kind = "ClusterRole",
        Metadata = new V1ObjectMeta { Name = "widgets-operator" },
        Rules = new List<V1PolicyRule>
        {
            new V1PolicyRule
            {
                ApiGroups = new List<string> { "widgets.contoso.io" },
                Resources = new List<string> { "widgets", "widgetpools" },
                Verbs = new List<string> { "get", "list", "watch", "update", "patch" },
            },
            new V1PolicyRule
            {
                ApiGroups = new List<string> { "widgets.contoso.io" },
                Resources = new List<string> { "widgets/status", "widgets/finalizers" },
                Verbs = new List<string> { "get", "update", "patch" },
            },
            new V1PolicyRule
            {
                ApiGroups = new List<string> { "apps" },
                Resources = new List<string> { "deployments", "statefulsets" }, // expect: SM3006
                Verbs = new List<string> { "get", "list", "watch", "create", "update", "patch", "delete" },
            },
            new V1PolicyRule
            {
                ApiGroups = new List<string> { "" },
                Resources = new List<string> { "services", "configmaps", "serviceaccounts" },
                Verbs = new List<string> { "get", "list", "watch", "create", "update", "patch", "delete" },
            },
            new V1PolicyRule
            {
                ApiGroups = new List<string> { "" },
                Resources = new List<string> { "secrets" },
                Verbs = new List<string> { "list", "watch", "create", "update" }, // expect: SM3005
            },
            new V1PolicyRule
            {
                ApiGroups = new List<string> { "", "events.k8s.io" },
                Resources = new List<string> { "events" },
                Verbs = new List<string> { "create", "patch" },
            },
            new V1PolicyRule
            {
                ApiGroups = new List<string> { "coordination.k8s.io" },
                Resources = new List<string> { "leases" },
                Verbs = new List<string> { "get", "create", "update" },
            },
            new V1PolicyRule
            {
                ApiGroups = new List<string> { "apiextensions.k8s.io" },
                Resources = new List<string> { "customresourcedefinitions" },
                Verbs = ReadVerbs,
            },
            new V1PolicyRule
            {
                ApiGroups = new List<string> { "apps" },
                Resources = new List<string> { "pods" },
                Verbs = new List<string> { "create", "delete" },
            },
        },
    };

    /// <summary>The role of a cert-manager-like controller, one rule a line, verbs first, as some generators write them.</summary>
    public static V1ClusterRole CertificatesController() => new V1ClusterRole
    {
        Metadata = new V1ObjectMeta { Name = "widgets-certificates", Labels = new Dictionary<string, string> { ["app.kubernetes.io/component"] = "controller" } },
        Rules = new List<V1PolicyRule>
        {
            new() { Verbs = new[] { "get", "list", "watch", "update" }, ApiGroups = new[] { "widgets.contoso.io" }, Resources = new[] { "certificates", "certificaterequests" } },
            new() { Verbs = new[] { "get", "list", "watch", "create", "update", "delete", "patch" }, ApiGroups = new[] { "" }, Resources = new[] { "secrets" } }, // expect: SM3005
            new() { Verbs = new[] { "create", "patch" }, ApiGroups = new[] { "" }, Resources = new[] { "events" } },
            new() { Verbs = new[] { "create" }, ApiGroups = new[] { "" }, Resources = new[] { "serviceaccounts/token" }, ResourceNames = new[] { "widgets-issuer" } }, // expect: SM3012
        },
    };

    /// <summary>The CA injector patches the caBundle of webhook configurations and CRDs.</summary>
    public static V1ClusterRole CaInjector() => new V1ClusterRole
    {
        Metadata = new V1ObjectMeta { Name = "widgets-cainjector" },
        Rules =
        [
            new V1PolicyRule { ApiGroups = ["widgets.contoso.io"], Resources = ["certificates"], Verbs = ["get", "list", "watch"] },
            new V1PolicyRule { ApiGroups = [""], Resources = ["secrets"], Verbs = ["get", "list", "watch"] }, // expect: SM3005
            new V1PolicyRule
            {
                ApiGroups = ["admissionregistration.k8s.io"],
                Resources = ["validatingwebhookconfigurations", "mutatingwebhookconfigurations"], // expect: SM3012
                Verbs = ["get", "list", "watch", "update", "patch"],
            },
            new V1PolicyRule
            {
                ApiGroups = ["apiextensions.k8s.io"],
                Resources = ["customresourcedefinitions"],
                Verbs = ["get", "list", "watch", "update", "patch"],
            },
        ],
    };

    /// <summary>The approver signs off CertificateSigningRequests for its signer.</summary>
    public static V1ClusterRole Approver() => new()
    {
        Metadata = new() { Name = "widgets-approver" },
        Rules =
        [
            new() { ApiGroups = ["certificates.k8s.io"], Resources = ["certificatesigningrequests"], Verbs = ["get", "list", "watch"] },
            new() { ApiGroups = ["certificates.k8s.io"], Resources = ["certificatesigningrequests/approval"], Verbs = ["update"] }, // expect: SM3012
            new() { ApiGroups = ["certificates.k8s.io"], Resources = ["signers"], ResourceNames = ["widgets.contoso.io/*"], Verbs = ["approve"] },
            new() { ApiGroups = ["authorization.k8s.io"], Resources = ["subjectaccessreviews"], Verbs = ["create"] },
        ],
    };

    /// <summary>ACME HTTP-01 solver: the controller creates solver pods and services.</summary>
    public static V1Role AcmeSolver(string ns) => new V1Role
    {
        Metadata = new V1ObjectMeta { Name = "widgets-acme-solver", NamespaceProperty = ns },
        Rules = new List<V1PolicyRule>
        {
            new V1PolicyRule { ApiGroups = new[] { "" }, Resources = new[] { "pods", "services" }, Verbs = new[] { "get", "list", "watch", "create", "delete" } }, // expect: SM3006
            new V1PolicyRule { ApiGroups = new[] { "networking.k8s.io" }, Resources = new[] { "ingresses" }, Verbs = new[] { "get", "list", "watch", "create", "delete", "update" } },
        },
    };

    /// <summary>The debugging role some operators ship "for support": exec into the managed pods.</summary>
    public static V1Role Support(string ns) => new V1Role
    {
        Metadata = new V1ObjectMeta { Name = "widgets-support", NamespaceProperty = ns },
        Rules = new List<V1PolicyRule>
        {
            new V1PolicyRule { ApiGroups = new[] { "" }, Resources = new[] { "pods", "pods/log" }, Verbs = new[] { "get", "list" } },
            new V1PolicyRule { ApiGroups = new[] { "" }, Resources = new[] { "pods/exec", "pods/portforward" }, Verbs = new[] { "create" } }, // expect: SM3007
        },
    };

    /// <summary>The installer's role: everything, written the short way.</summary>
    public static V1ClusterRole Installer() => new V1ClusterRole
    {
        Metadata = new V1ObjectMeta { Name = "widgets-installer" },
        Rules = new List<V1PolicyRule>
        {
            new V1PolicyRule
            {
                ApiGroups = new[] { "*" }, // expect: SM3004
                Resources = new[] { "*" }, // expect: SM3004 SM3006 SM3007 SM3012
                Verbs = new[] { "*" }, // expect: SM3004 SM3005
            },
        },
    };

    /// <summary>The aggregated role that lets the operator grant its own roles to tenants.</summary>
    public static V1ClusterRole Delegator() => new V1ClusterRole
    {
        Metadata = new V1ObjectMeta { Name = "widgets-delegator" },
        Rules = new List<V1PolicyRule>
        {
            new V1PolicyRule { ApiGroups = new[] { RbacGroup }, Resources = new[] { "roles", "rolebindings" }, Verbs = new[] { "get", "create", "bind", "escalate" } }, // expect: SM3008
            new V1PolicyRule { ApiGroups = new[] { "" }, Resources = new[] { "serviceaccounts" }, Verbs = new[] { "impersonate" } }, // expect: SM3008
        },
    };

    public static V1ClusterRoleBinding OperatorBinding(string ns) => new V1ClusterRoleBinding
    {
        Metadata = new V1ObjectMeta { Name = "widgets-operator" },
        RoleRef = new V1RoleRef { ApiGroup = RbacGroup, Kind = "ClusterRole", Name = "widgets-operator" },
        Subjects = new List<Rbacv1Subject> { new Rbacv1Subject { Kind = "ServiceAccount", Name = "widgets-operator", NamespaceProperty = ns } },
    };

    public static V1RoleBinding TenantAdminBinding(string ns, string group) => new V1RoleBinding
    {
        Metadata = new V1ObjectMeta { Name = "widgets-tenant-admin", NamespaceProperty = ns },
        RoleRef = new() { ApiGroup = RbacGroup, Kind = "ClusterRole", Name = "admin" }, // expect: SM3003
        Subjects = new List<Rbacv1Subject> { new Rbacv1Subject { Kind = "Group", Name = group, ApiGroup = RbacGroup } },
    };

    public static V1RoleBinding TenantEditBinding(string ns) => new V1RoleBinding
    {
        Metadata = new V1ObjectMeta { Name = "widgets-tenant-edit", NamespaceProperty = ns },
        RoleRef = new V1RoleRef { ApiGroup = RbacGroup, Kind = "Role", Name = "edit" },
        Subjects = [new() { Kind = "ServiceAccount", Name = "default", NamespaceProperty = ns }], // expect: SM3009
    };

    public static V1ClusterRoleBinding MetricsReaders()
    {
        var binding = new V1ClusterRoleBinding { Metadata = new V1ObjectMeta { Name = "widgets-metrics-readers" } };
        binding.RoleRef = new V1RoleRef { ApiGroup = RbacGroup, Kind = "ClusterRole", Name = "widgets-metrics-reader" };
        binding.Subjects = new List<Rbacv1Subject>
        {
            new Rbacv1Subject { Kind = "Group", Name = "system:unauthenticated", ApiGroup = RbacGroup }, // expect: SM3009
            new Rbacv1Subject { Kind = "User", Name = "system:kube-prometheus", ApiGroup = RbacGroup },
        };
        return binding;
    }
}
