using k8s;
using k8s.Models;
using SecureManifests.Rules;
using static SecureManifests.Tests.Rules.TestObjects;

namespace SecureManifests.Tests.Rules;

/// <summary>Firing and non-firing cases of the SM3xxx rules, evaluated with the <c>all</c> profile on exactly the objects given.</summary>
public sealed class RbacRuleTests
{
    private sealed record Case(string RuleId, bool Fires, Func<IKubernetesObject[]> Objects, string? Path = null, string? MessagePart = null);

    internal static V1PolicyRule Rule(string[] verbs, string[] resources, params string[] apiGroups) => new()
    {
        Verbs = verbs.ToList(),
        Resources = resources.ToList(),
        ApiGroups = apiGroups.Length == 0 ? new List<string> { "" } : apiGroups.ToList(),
    };

    internal static V1Role Role(string name, params V1PolicyRule[] rules) => new()
    {
        ApiVersion = "rbac.authorization.k8s.io/v1", Kind = "Role",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "shop", Labels = AppLabels() },
        Rules = rules.ToList(),
    };

    internal static V1ClusterRole ClusterRole(string name, params V1PolicyRule[] rules) => new()
    {
        ApiVersion = "rbac.authorization.k8s.io/v1", Kind = "ClusterRole",
        Metadata = new V1ObjectMeta { Name = name, Labels = AppLabels() },
        Rules = rules.ToList(),
    };

    internal static Rbacv1Subject Account(string name, string ns = "shop") => new() { Kind = "ServiceAccount", Name = name, NamespaceProperty = ns };

    internal static V1RoleBinding RoleBinding(string name, string roleKind, string roleName, string ns = "shop", params Rbacv1Subject[] subjects) => new()
    {
        ApiVersion = "rbac.authorization.k8s.io/v1", Kind = "RoleBinding",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = AppLabels() },
        RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = roleKind, Name = roleName },
        Subjects = (subjects.Length == 0 ? new[] { Account("api", ns) } : subjects).ToList(),
    };

    internal static V1ClusterRoleBinding ClusterRoleBinding(string name, string roleName, params Rbacv1Subject[] subjects) => new()
    {
        ApiVersion = "rbac.authorization.k8s.io/v1", Kind = "ClusterRoleBinding",
        Metadata = new V1ObjectMeta { Name = name, Labels = AppLabels() },
        RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = roleName },
        Subjects = (subjects.Length == 0 ? new[] { Account("api") } : subjects).ToList(),
    };

    private static V1ServiceAccount ServiceAccount(string name, string ns = "shop") => new()
    {
        ApiVersion = "v1", Kind = "ServiceAccount", AutomountServiceAccountToken = false,
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = AppLabels() },
    };

    private static IKubernetesObject[] Objects(params IKubernetesObject[] objects) => objects;

    private static IKubernetesObject[] RoleRule(V1PolicyRule rule) => Objects(Role("r", rule), RoleBinding("r", "Role", "r"));

    private static IKubernetesObject[] ClusterRoleRule(V1PolicyRule rule) => Objects(ClusterRole("c", rule), ClusterRoleBinding("c", "c"));

    private static readonly string[] Get = { "get" };
    private static readonly string[] Create = { "create" };
    private static readonly string[] Star = { "*" };
    private static readonly string[] ConfigMaps = { "configmaps" };

    private static readonly Dictionary<string, Case> Cases = new(StringComparer.Ordinal)
    {
        ["SM3001 no serviceAccountName"] = new(RuleIds.DefaultServiceAccount, true, () => Objects(SecureDeployment(s => s.ServiceAccountName = null)),
            Path: "spec.template.spec.serviceAccountName", MessagePart: "is not set"),
        ["SM3001 default named"] = new(RuleIds.DefaultServiceAccount, true, () => Objects(SecureDeployment(s => s.ServiceAccountName = "default")), MessagePart: "is default"),
        ["SM3001 deprecated field names default"] = new(RuleIds.DefaultServiceAccount, true, () => Objects(SecureDeployment(s => { s.ServiceAccountName = null; s.ServiceAccount = "default"; }))),
        ["SM3001 own account"] = new(RuleIds.DefaultServiceAccount, false, () => Objects(SecureDeployment())),
        ["SM3001 own account in deprecated field"] = new(RuleIds.DefaultServiceAccount, false, () => Objects(SecureDeployment(s => { s.ServiceAccountName = null; s.ServiceAccount = "api"; }))),

        ["SM3002 set defines other accounts in the namespace"] = new(RuleIds.MissingServiceAccount, true, () => Objects(ServiceAccount("web"), SecureDeployment()),
            Path: "spec.template.spec.serviceAccountName", MessagePart: "'api'"),
        ["SM3002 account defined"] = new(RuleIds.MissingServiceAccount, false, () => Objects(ServiceAccount("api"), SecureDeployment())),
        ["SM3002 no accounts in the set"] = new(RuleIds.MissingServiceAccount, false, () => Objects(SecureDeployment())),
        ["SM3002 accounts only in another namespace"] = new(RuleIds.MissingServiceAccount, false, () => Objects(ServiceAccount("api", "other"), SecureDeployment())),
        ["SM3002 default always exists"] = new(RuleIds.MissingServiceAccount, false, () => Objects(ServiceAccount("web"), SecureDeployment(s => s.ServiceAccountName = "default"))),
        ["SM3002 same name in another namespace does not count"] = new(RuleIds.MissingServiceAccount, true,
            () => Objects(ServiceAccount("web"), ServiceAccount("api", "other"), SecureDeployment())),

        ["SM3003 ClusterRoleBinding to cluster-admin"] = new(RuleIds.ClusterAdminBinding, true, () => Objects(ClusterRoleBinding("b", "cluster-admin")),
            Path: "roleRef.name", MessagePart: "'cluster-admin'"),
        ["SM3003 RoleBinding to edit"] = new(RuleIds.ClusterAdminBinding, true, () => Objects(RoleBinding("b", "ClusterRole", "edit"))),
        ["SM3003 RoleBinding to view"] = new(RuleIds.ClusterAdminBinding, false, () => Objects(RoleBinding("b", "ClusterRole", "view"))),
        ["SM3003 Role named admin"] = new(RuleIds.ClusterAdminBinding, false, () => Objects(Role("admin", Rule(Get, new[] { "configmaps" })), RoleBinding("b", "Role", "admin"))),

        ["SM3004 verbs *"] = new(RuleIds.WildcardRbacRule, true, () => RoleRule(Rule(Star, new[] { "configmaps" })), Path: "rules[0].verbs"),
        ["SM3004 resources * in ClusterRole"] = new(RuleIds.WildcardRbacRule, true, () => ClusterRoleRule(Rule(Get, Star)), Path: "rules[0].resources"),
        ["SM3004 apiGroups *"] = new(RuleIds.WildcardRbacRule, true, () => RoleRule(Rule(Get, new[] { "configmaps" }, "*")), Path: "rules[0].apiGroups"),
        ["SM3004 explicit lists"] = new(RuleIds.WildcardRbacRule, false, () => RoleRule(Rule(new[] { "get", "list" }, new[] { "configmaps" }))),

        ["SM3005 get secrets"] = new(RuleIds.SecretsAccess, true, () => RoleRule(Rule(Get, new[] { "secrets" })), Path: "rules[0].verbs", MessagePart: "allows get on secrets"),
        ["SM3005 * verbs on * resources"] = new(RuleIds.SecretsAccess, true, () => ClusterRoleRule(Rule(Star, Star, "*")), MessagePart: "allows * on secrets"),
        ["SM3005 watch secrets with resourceNames"] = new(RuleIds.SecretsAccess, true, () => RoleRule(new V1PolicyRule
            { Verbs = new List<string> { "watch" }, Resources = new List<string> { "secrets" }, ApiGroups = new List<string> { "" }, ResourceNames = new List<string> { "db" } })),
        ["SM3005 create secrets only"] = new(RuleIds.SecretsAccess, false, () => RoleRule(Rule(Create, new[] { "secrets" }))),
        ["SM3005 secrets of another API group"] = new(RuleIds.SecretsAccess, false, () => RoleRule(Rule(Get, new[] { "secrets" }, "example.com"))),

        ["SM3006 create pods"] = new(RuleIds.WorkloadCreationAccess, true, () => RoleRule(Rule(Create, new[] { "pods" })), Path: "rules[0].resources", MessagePart: "create on pods"),
        ["SM3006 create apps deployments"] = new(RuleIds.WorkloadCreationAccess, true, () => RoleRule(Rule(Create, new[] { "deployments" }, "apps")), MessagePart: "deployments"),
        ["SM3006 * on batch *"] = new(RuleIds.WorkloadCreationAccess, true, () => RoleRule(Rule(Star, Star, "batch")), MessagePart: "jobs, cronjobs"),
        ["SM3006 create cronjobs"] = new(RuleIds.WorkloadCreationAccess, true, () => RoleRule(Rule(Create, new[] { "cronjobs" }, "batch"))),
        ["SM3006 get pods"] = new(RuleIds.WorkloadCreationAccess, false, () => RoleRule(Rule(new[] { "get", "list", "watch" }, new[] { "pods" }))),
        ["SM3006 create deployments in the core group"] = new(RuleIds.WorkloadCreationAccess, false, () => RoleRule(Rule(Create, new[] { "deployments" }))),
        ["SM3006 create configmaps"] = new(RuleIds.WorkloadCreationAccess, false, () => RoleRule(Rule(Create, new[] { "configmaps" }))),

        ["SM3007 create pods/exec"] = new(RuleIds.PodExecAccess, true, () => RoleRule(Rule(Create, new[] { "pods/exec" })), Path: "rules[0].resources", MessagePart: "pods/exec"),
        ["SM3007 get pods/portforward"] = new(RuleIds.PodExecAccess, true, () => RoleRule(Rule(Get, new[] { "pods/portforward" })), MessagePart: "pods/portforward"),
        ["SM3007 */attach"] = new(RuleIds.PodExecAccess, true, () => RoleRule(Rule(Create, new[] { "*/attach" })), MessagePart: "pods/attach"),
        ["SM3007 pods/log"] = new(RuleIds.PodExecAccess, false, () => RoleRule(Rule(Get, new[] { "pods/log", "pods" }))),

        ["SM3008 bind"] = new(RuleIds.RbacEscalationVerb, true, () => ClusterRoleRule(Rule(new[] { "bind" }, new[] { "clusterroles" }, "rbac.authorization.k8s.io")),
            Path: "rules[0].verbs", MessagePart: "bind"),
        ["SM3008 impersonate and escalate"] = new(RuleIds.RbacEscalationVerb, true, () => RoleRule(Rule(new[] { "impersonate", "escalate" }, new[] { "users" })), MessagePart: "escalate, impersonate"),
        ["SM3008 read roles"] = new(RuleIds.RbacEscalationVerb, false, () => RoleRule(Rule(new[] { "get", "list" }, new[] { "roles" }, "rbac.authorization.k8s.io"))),

        ["SM3009 system:authenticated group"] = new(RuleIds.RiskyBindingSubject, true,
            () => Objects(RoleBinding("b", "ClusterRole", "view", "shop", new Rbacv1Subject { Kind = "Group", Name = "system:authenticated", ApiGroup = "rbac.authorization.k8s.io" })),
            Path: "subjects[0].name", MessagePart: "system:authenticated"),
        ["SM3009 system:anonymous user"] = new(RuleIds.RiskyBindingSubject, true,
            () => Objects(ClusterRoleBinding("b", "view", Account("api"), new Rbacv1Subject { Kind = "User", Name = "system:anonymous" })), Path: "subjects[1].name"),
        ["SM3009 system:masters"] = new(RuleIds.RiskyBindingSubject, true,
            () => Objects(ClusterRoleBinding("b", "view", new Rbacv1Subject { Kind = "Group", Name = "system:masters" }))),
        ["SM3009 default ServiceAccount"] = new(RuleIds.RiskyBindingSubject, true, () => Objects(RoleBinding("b", "ClusterRole", "view", "shop", Account("default"))), MessagePart: "'default'"),
        ["SM3009 own ServiceAccount"] = new(RuleIds.RiskyBindingSubject, false, () => Objects(RoleBinding("b", "ClusterRole", "view", "shop", Account("api")))),
        ["SM3009 ServiceAccount called system:masters is not the group"] = new(RuleIds.RiskyBindingSubject, false,
            () => Objects(RoleBinding("b", "ClusterRole", "view", "shop", Account("system:masters")))),

        ["SM3010 Role not in the set"] = new(RuleIds.DanglingRoleBinding, true, () => Objects(RoleBinding("b", "Role", "reader")), Path: "roleRef.name", MessagePart: "Role 'reader'"),
        ["SM3010 Role in another namespace"] = new(RuleIds.DanglingRoleBinding, true, () => Objects(Role("reader", Rule(Get, new[] { "configmaps" })), RoleBinding("b", "Role", "reader", "other"))),
        ["SM3010 ClusterRole not in the set"] = new(RuleIds.DanglingRoleBinding, true, () => Objects(ClusterRoleBinding("b", "reader")), MessagePart: "ClusterRole 'reader'"),
        ["SM3010 ClusterRoleBinding to a Role"] = new(RuleIds.DanglingRoleBinding, true, () =>
        {
            var binding = ClusterRoleBinding("b", "reader");
            binding.RoleRef.Kind = "Role";
            return Objects(Role("reader", Rule(Get, new[] { "configmaps" })), binding);
        }, Path: "roleRef.kind"),
        ["SM3010 Role in the set"] = new(RuleIds.DanglingRoleBinding, false, () => Objects(Role("reader", Rule(Get, new[] { "configmaps" })), RoleBinding("b", "Role", "reader"))),
        ["SM3010 ClusterRole in the set from a RoleBinding"] = new(RuleIds.DanglingRoleBinding, false, () => Objects(ClusterRole("reader", Rule(Get, new[] { "configmaps" })), RoleBinding("b", "ClusterRole", "reader"))),
        ["SM3010 built-in view and system: roles"] = new(RuleIds.DanglingRoleBinding, false, () => Objects(RoleBinding("b", "ClusterRole", "view"), ClusterRoleBinding("c", "system:auth-delegator"))),
        ["SM3010 system: ClusterRole the API server does not create"] = new(RuleIds.DanglingRoleBinding, true,
            () => Objects(ClusterRoleBinding("b", "system:controller:no-such-controller")), MessagePart: "ClusterRole 'system:controller:no-such-controller'"),
        ["SM3010 bootstrap Role outside its namespace"] = new(RuleIds.DanglingRoleBinding, true,
            () => Objects(RoleBinding("b", "Role", "extension-apiserver-authentication-reader")), MessagePart: "Role 'extension-apiserver-authentication-reader'"),
        ["SM3010 bootstrap Roles in kube-system and kube-public"] = new(RuleIds.DanglingRoleBinding, false, () => Objects(
            RoleBinding("a", "Role", "extension-apiserver-authentication-reader", "kube-system"),
            RoleBinding("b", "Role", "system::leader-locking-kube-scheduler", "kube-system"),
            RoleBinding("c", "Role", "system:controller:bootstrap-signer", "kube-public"))),
        ["SM3010 bootstrap and controller ClusterRoles"] = new(RuleIds.DanglingRoleBinding, false, () => Objects(
            ClusterRoleBinding("a", "system:aggregate-to-view"),
            ClusterRoleBinding("b", "system:kube-scheduler"),
            ClusterRoleBinding("c", "system:node"),
            ClusterRoleBinding("d", "system:controller:deployment-controller"),
            RoleBinding("e", "ClusterRole", "system:auth-delegator", "kube-system"))),
        ["SM3010 bootstrap Role name as a ClusterRole"] = new(RuleIds.DanglingRoleBinding, true,
            () => Objects(ClusterRoleBinding("b", "extension-apiserver-authentication-reader")), MessagePart: "ClusterRole 'extension-apiserver-authentication-reader'"),

        ["SM3011 Role never bound"] = new(RuleIds.RoleBindingCount, true, () => Objects(Role("reader", Rule(Get, new[] { "configmaps" }))), Path: "metadata.name", MessagePart: "not referenced"),
        ["SM3011 Role bound twice"] = new(RuleIds.RoleBindingCount, true,
            () => Objects(Role("reader", Rule(Get, new[] { "configmaps" })), RoleBinding("a", "Role", "reader"), RoleBinding("b", "Role", "reader")), MessagePart: "bound 2 times"),
        ["SM3011 ClusterRole bound in two namespaces"] = new(RuleIds.RoleBindingCount, true,
            () => Objects(ClusterRole("reader", Rule(Get, new[] { "configmaps" })), RoleBinding("a", "ClusterRole", "reader", "shop"), RoleBinding("a", "ClusterRole", "reader", "other")),
            MessagePart: "RoleBinding shop/a, RoleBinding other/a"),
        ["SM3011 binding of a Role in another namespace does not count"] = new(RuleIds.RoleBindingCount, true,
            () => Objects(Role("reader", Rule(Get, new[] { "configmaps" })), RoleBinding("a", "Role", "reader", "other"))),
        ["SM3011 Role bound once"] = new(RuleIds.RoleBindingCount, false, () => Objects(Role("reader", Rule(Get, new[] { "configmaps" })), RoleBinding("a", "Role", "reader"))),
        ["SM3011 ClusterRole bound once cluster-wide"] = new(RuleIds.RoleBindingCount, false, () => Objects(ClusterRole("reader", Rule(Get, new[] { "nodes" })), ClusterRoleBinding("a", "reader"))),
        ["SM3011 aggregated ClusterRole"] = new(RuleIds.RoleBindingCount, false, () =>
        {
            var role = ClusterRole("reader", Rule(Get, new[] { "widgets" }, "example.com"));
            role.Metadata.Labels["rbac.authorization.k8s.io/aggregate-to-view"] = "true";
            return Objects(role);
        }),

        ["SM3012 get nodes/proxy"] = new(RuleIds.RbacEscalationResource, true, () => ClusterRoleRule(Rule(Get, new[] { "nodes/proxy" })), Path: "rules[0].resources", MessagePart: "nodes/proxy"),
        ["SM3012 create serviceaccounts/token"] = new(RuleIds.RbacEscalationResource, true, () => RoleRule(Rule(Create, new[] { "serviceaccounts/token" })), MessagePart: "serviceaccounts/token"),
        ["SM3012 patch mutating webhooks"] = new(RuleIds.RbacEscalationResource, true,
            () => ClusterRoleRule(Rule(new[] { "patch" }, new[] { "mutatingwebhookconfigurations" }, "admissionregistration.k8s.io")), MessagePart: "allows patch on mutatingwebhookconfigurations"),
        ["SM3012 create validating webhooks"] = new(RuleIds.RbacEscalationResource, true,
            () => ClusterRoleRule(Rule(Create, new[] { "validatingwebhookconfigurations" }, "admissionregistration.k8s.io"))),
        ["SM3012 update CSR approval"] = new(RuleIds.RbacEscalationResource, true,
            () => ClusterRoleRule(Rule(new[] { "update" }, new[] { "certificatesigningrequests/approval" }, "certificates.k8s.io")), MessagePart: "certificatesigningrequests/approval"),
        ["SM3012 * on * reaches nodes/proxy"] = new(RuleIds.RbacEscalationResource, true, () => ClusterRoleRule(Rule(Star, Star, "*")), MessagePart: "allows * on nodes/proxy"),
        ["SM3012 read webhooks"] = new(RuleIds.RbacEscalationResource, false,
            () => ClusterRoleRule(Rule(new[] { "get", "list", "watch" }, new[] { "validatingwebhookconfigurations", "mutatingwebhookconfigurations" }, "admissionregistration.k8s.io"))),
        ["SM3012 get serviceaccounts/token"] = new(RuleIds.RbacEscalationResource, false, () => RoleRule(Rule(Get, new[] { "serviceaccounts/token" }))),
        ["SM3012 create CSRs"] = new(RuleIds.RbacEscalationResource, false, () => ClusterRoleRule(Rule(Create, new[] { "certificatesigningrequests" }, "certificates.k8s.io"))),
        ["SM3012 list nodes"] = new(RuleIds.RbacEscalationResource, false, () => ClusterRoleRule(Rule(new[] { "get", "list" }, new[] { "nodes" }))),
    };

    public static TheoryData<string> CaseNames() => RuleCases.Names(Cases);

    [Fact]
    public void Every_rbac_rule_has_a_firing_and_a_non_firing_case()
    {
        RuleCases.AssertEveryRuleHasBothCases(Cases.Values.Select(c => (c.RuleId, c.Fires)), "SM30", 12);
    }


    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Streamed_cross_object_findings_are_at_fields_announced_when_their_object_was_added(string name)
    {
        var c = Cases[name];
        StreamingEvaluation.AssertAnnouncesWhereItReports(name, c.Objects(), new RuleEngineOptions { Profile = RuleProfile.All });
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Rule_fires_exactly_when_it_should(string name)
    {
        var c = Cases[name];

        var findings = new RuleEngine().Evaluate(c.Objects(), new RuleEngineOptions { Profile = RuleProfile.All })
            .Where(f => f.RuleId == c.RuleId).ToList();

        RuleCases.AssertVerdict(name, c.RuleId, c.Fires, findings, c.Path, c.MessagePart);
    }

    [Fact]
    public void A_binding_finding_is_reported_on_the_binding_and_a_count_finding_on_the_role()
    {
        var objects = new IKubernetesObject[]
        {
            Role("reader", Rule(Get, ConfigMaps)),
            RoleBinding("a", "Role", "reader"),
            RoleBinding("b", "Role", "reader"),
            RoleBinding("c", "Role", "writer"),
        };

        var findings = new RuleEngine().Evaluate(objects, new RuleEngineOptions())
            .Where(f => f.RuleId is RuleIds.DanglingRoleBinding or RuleIds.RoleBindingCount).ToList();

        Assert.Equal("0 SM3011 Role reader, 3 SM3010 RoleBinding c",
            string.Join(", ", findings.Select(f => $"{f.ObjectIndex} {f.RuleId} {f.Kind} {f.Name}")));
    }

    [Fact]
    public void Rbac_objects_without_kind_are_named_by_their_model_type()
    {
        var role = Role("reader", Rule(Star, ConfigMaps));
        role.Kind = null;

        var finding = Assert.Single(new RuleEngine().Evaluate(new IKubernetesObject[] { role, RoleBinding("r", "Role", "reader") }, new RuleEngineOptions()),
            f => f.RuleId == RuleIds.WildcardRbacRule);

        Assert.Equal("Role", finding.Kind);
        Assert.Contains("Role shop/reader", finding.Message, StringComparison.Ordinal);
    }
}
