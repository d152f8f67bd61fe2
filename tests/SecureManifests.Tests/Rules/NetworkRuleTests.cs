using k8s;
using k8s.Models;
using SecureManifests.Rules;
using static SecureManifests.Tests.Rules.TestObjects;

namespace SecureManifests.Tests.Rules;

/// <summary>Firing and non-firing cases of the SM4xxx rules, evaluated with the <c>all</c> profile on exactly the objects given.</summary>
public sealed class NetworkRuleTests
{
    private sealed record Case(string RuleId, bool Fires, Func<IKubernetesObject[]> Objects, string? Path = null, string? MessagePart = null,
        bool FlagMissingNamespace = false);

    private static IKubernetesObject[] Objects(params IKubernetesObject[] objects) => objects;

    private static Dictionary<string, string> Labels(string name) => new() { ["app.kubernetes.io/name"] = name };

    private static V1LabelSelector Select(string name) => new() { MatchLabels = Labels(name) };

    private static V1Namespace Namespace(string name, string? enforce)
    {
        var labels = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = name };
        if (enforce is not null)
        {
            labels["pod-security.kubernetes.io/enforce"] = enforce;
        }

        return new V1Namespace { ApiVersion = "v1", Kind = "Namespace", Metadata = new V1ObjectMeta { Name = name, Labels = labels } };
    }

    private static V1Deployment DeploymentIn(string ns, string name = "api")
    {
        var deployment = SecureDeployment();
        deployment.Metadata.NamespaceProperty = ns;
        deployment.Metadata.Name = name;
        deployment.Spec.Selector = Select(name);
        deployment.Spec.Template.Metadata.Labels = Labels(name);
        return deployment;
    }

    // kube-linter's fixtures have workloads whose pod template carries labels but no spec.
    private static V1Deployment WithoutPodSpec(V1Deployment deployment)
    {
        deployment.Spec.Template.Spec = null;
        return deployment;
    }

    internal static V1NetworkPolicy Policy(string name, V1LabelSelector podSelector, string[]? types, string ns = "shop",
        List<V1NetworkPolicyIngressRule>? ingress = null, List<V1NetworkPolicyEgressRule>? egress = null) => new()
    {
        ApiVersion = "networking.k8s.io/v1", Kind = "NetworkPolicy",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = AppLabels() },
        Spec = new V1NetworkPolicySpec { PodSelector = podSelector, PolicyTypes = types?.ToList(), Ingress = ingress, Egress = egress },
    };

    private static List<V1NetworkPolicyIngressRule> From(V1NetworkPolicyPeer peer) => new() { new() { FromProperty = new List<V1NetworkPolicyPeer> { peer } } };

    private static List<V1NetworkPolicyEgressRule> To(V1NetworkPolicyPeer peer) => new() { new() { To = new List<V1NetworkPolicyPeer> { peer } } };

    private static V1NetworkPolicyPeer PodPeer(string name, string? ns = null) => new()
    {
        PodSelector = Select(name),
        NamespaceSelector = ns is null ? null : new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = ns } },
    };

    private static V1NetworkPolicyPeer Block(string cidr, params string[] except) => new()
    {
        IpBlock = new V1IPBlock { Cidr = cidr, Except = except.Length == 0 ? null : except.ToList() },
    };

    private static V1Service Service(string name, Dictionary<string, string>? selector, string? type = null, string ns = "shop") => new()
    {
        ApiVersion = "v1", Kind = "Service",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = AppLabels() },
        Spec = new V1ServiceSpec
        {
            Selector = selector, Type = type,
            Ports = new List<V1ServicePort> { new() { Name = "http", Port = 80, TargetPort = "http" } },
        },
    };

    private static V1IngressServiceBackend Backend(string service, int? number = null, string? name = null) => new()
    {
        Name = service,
        Port = new V1ServiceBackendPort { Number = number, Name = name },
    };

    private static V1Ingress Ingress(V1IngressServiceBackend backend, bool tls = true, V1IngressServiceBackend? defaultBackend = null) => new()
    {
        ApiVersion = "networking.k8s.io/v1", Kind = "Ingress",
        Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "shop", Labels = AppLabels() },
        Spec = new V1IngressSpec
        {
            DefaultBackend = defaultBackend is null ? null : new V1IngressBackend { Service = defaultBackend },
            Tls = tls ? new List<V1IngressTLS> { new() { Hosts = new List<string> { "shop.example.com" }, SecretName = "shop-tls" } } : null,
            Rules = new List<V1IngressRule>
            {
                new()
                {
                    Host = "shop.example.com",
                    Http = new V1HTTPIngressRuleValue
                    {
                        Paths = new List<V1HTTPIngressPath>
                        {
                            new() { Path = "/static", PathType = "Prefix", Backend = new V1IngressBackend { Service = Backend("api", 80) } },
                            new() { Path = "/", PathType = "Prefix", Backend = new V1IngressBackend { Service = backend } },
                        },
                    },
                },
            },
        },
    };

    private static readonly V1LabelSelector All = new();
    private static readonly string[] IngressOnly = { "Ingress" };

    private static readonly Dictionary<string, Case> Cases = new(StringComparer.Ordinal)
    {
        ["SM4001 Deployment in default"] = new(RuleIds.DefaultNamespace, true, () => Objects(DeploymentIn("default")), Path: "metadata.namespace", MessagePart: "is default"),
        ["SM4001 CRD instance in default"] = new(RuleIds.DefaultNamespace, true, () => Objects(new CustomObject("Widget", "default"))),
        ["SM4001 own namespace"] = new(RuleIds.DefaultNamespace, false, () => Objects(SecureDeployment())),
        ["SM4001 no namespace, option off"] = new(RuleIds.DefaultNamespace, false, () => Objects(DeploymentIn(null!))),
        ["SM4001 no namespace, option on"] = new(RuleIds.DefaultNamespace, true, () => Objects(DeploymentIn(null!)), MessagePart: "is not set", FlagMissingNamespace: true),
        ["SM4001 cluster-scoped kinds, option on"] = new(RuleIds.DefaultNamespace, false,
            () => Objects(Namespace("shop", "restricted"), RbacRuleTests.ClusterRole("c"), new CustomObject("StorageClass", null)), FlagMissingNamespace: true),
        ["SM4001 CRD instance without namespace, option on"] = new(RuleIds.DefaultNamespace, false, () => Objects(new CustomObject("Widget", null)), FlagMissingNamespace: true),

        ["SM4002 no policy"] = new(RuleIds.PodNotIsolated, true, () => Objects(SecureDeployment()), Path: "spec.template.metadata.labels", MessagePart: "namespace shop"),
        ["SM4002 egress-only policy"] = new(RuleIds.PodNotIsolated, true, () => Objects(SecureDeployment(), Policy("p", All, new[] { "Egress" }))),
        ["SM4002 policy in another namespace"] = new(RuleIds.PodNotIsolated, true, () => Objects(SecureDeployment(), Policy("p", All, null, "other"))),
        ["SM4002 policy for other pods"] = new(RuleIds.PodNotIsolated, true, () => Objects(SecureDeployment(), Policy("p", Select("web"), new[] { "Ingress" }))),
        ["SM4002 default deny"] = new(RuleIds.PodNotIsolated, false, () => Objects(SecureDeployment(), Policy("p", All, new[] { "Ingress", "Egress" }))),
        ["SM4002 policyTypes absent means Ingress"] = new(RuleIds.PodNotIsolated, false, () => Objects(SecureDeployment(), Policy("p", Select("api"), null))),
        ["SM4002 matchExpressions selector"] = new(RuleIds.PodNotIsolated, false, () => Objects(SecureDeployment(), Policy("p", new V1LabelSelector
        {
            MatchExpressions = new List<V1LabelSelectorRequirement> { new() { Key = "app.kubernetes.io/name", OperatorProperty = "Exists" } },
        }, new[] { "Ingress" }))),
        ["SM4002 ConfigMap has no pods"] = new(RuleIds.PodNotIsolated, false, () => Objects(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c", NamespaceProperty = "shop" } })),

        ["SM4003 podSelector matches nothing"] = new(RuleIds.DanglingNetworkPolicy, true, () => Objects(SecureDeployment(), Policy("p", Select("web"), null)),
            Path: "spec.podSelector", MessagePart: "matches no pod in namespace shop"),
        ["SM4003 podSelector matches a pod of another namespace only"] = new(RuleIds.DanglingNetworkPolicy, true, () => Objects(DeploymentIn("other"), Policy("p", Select("api"), null))),
        ["SM4003 ingress peer matches nothing"] = new(RuleIds.DanglingNetworkPolicy, true,
            () => Objects(SecureDeployment(), Policy("p", Select("api"), null, ingress: From(PodPeer("web")))), Path: "spec.ingress[0].from[0].podSelector"),
        ["SM4003 egress peer in a named namespace of the set matches nothing"] = new(RuleIds.DanglingNetworkPolicy, true,
            () => Objects(SecureDeployment(), Namespace("db", "restricted"), Policy("p", Select("api"), new[] { "Egress" }, egress: To(PodPeer("postgres", "db")))),
            Path: "spec.egress[0].to[0].podSelector", MessagePart: "namespace db"),
        ["SM4003 same-namespace ingress peer with no pods in the namespace"] = new(RuleIds.DanglingNetworkPolicy, true,
            () => Objects(Policy("p", All, null, ingress: From(PodPeer("web")))), Path: "spec.ingress[0].from[0].podSelector", MessagePart: "namespace shop"),
        ["SM4003 same-namespace egress peer with no pods in the namespace"] = new(RuleIds.DanglingNetworkPolicy, true,
            () => Objects(DeploymentIn("other"), Policy("p", All, new[] { "Egress" }, egress: To(PodPeer("api")))), Path: "spec.egress[0].to[0].podSelector"),
        ["SM4003 peer pinned to the policy's own namespace with no pods in it"] = new(RuleIds.DanglingNetworkPolicy, true,
            () => Objects(Policy("p", All, null, ingress: From(PodPeer("web", "shop")))), Path: "spec.ingress[0].from[0].podSelector"),
        ["SM4003 peer in a namespace outside the set, no pods anywhere"] = new(RuleIds.DanglingNetworkPolicy, false,
            () => Objects(Policy("p", All, new[] { "Egress" }, egress: To(PodPeer("kube-dns", "kube-system"))))),
        ["SM4003 selectors match a pod template with labels but no spec"] = new(RuleIds.DanglingNetworkPolicy, false,
            () => Objects(WithoutPodSpec(SecureDeployment()), Policy("p", Select("api"), null, ingress: From(PodPeer("api"))))),
        ["SM4003 empty podSelector"] = new(RuleIds.DanglingNetworkPolicy, false, () => Objects(Policy("p", All, null))),
        ["SM4003 selectors match"] = new(RuleIds.DanglingNetworkPolicy, false,
            () => Objects(SecureDeployment(), DeploymentIn("shop", "web"), Policy("p", Select("api"), null, ingress: From(PodPeer("web"))))),
        ["SM4003 peer in a namespace outside the set"] = new(RuleIds.DanglingNetworkPolicy, false,
            () => Objects(SecureDeployment(), Policy("p", Select("api"), new[] { "Egress" }, egress: To(PodPeer("kube-dns", "kube-system"))))),
        ["SM4003 peer in another namespace of the set matches"] = new(RuleIds.DanglingNetworkPolicy, false,
            () => Objects(SecureDeployment(), DeploymentIn("db", "postgres"), Policy("p", Select("api"), new[] { "Egress" }, egress: To(PodPeer("postgres", "db"))))),
        ["SM4003 peer with a label namespaceSelector is not judged"] = new(RuleIds.DanglingNetworkPolicy, false,
            () => Objects(SecureDeployment(), Policy("p", Select("api"), null, ingress: From(new V1NetworkPolicyPeer
            {
                PodSelector = Select("nothing"),
                NamespaceSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["team"] = "payments" } },
            })))),

        ["SM4004 selector matches nothing"] = new(RuleIds.DanglingService, true, () => Objects(SecureDeployment(), Service("web", Labels("web"))),
            Path: "spec.selector", MessagePart: "app.kubernetes.io/name=web"),
        ["SM4004 pods only in another namespace"] = new(RuleIds.DanglingService, true, () => Objects(DeploymentIn("other"), Service("api", Labels("api")))),
        ["SM4004 selector matches"] = new(RuleIds.DanglingService, false, () => Objects(SecureDeployment(), Service("api", Labels("api")))),
        ["SM4004 pod template with labels but no spec"] = new(RuleIds.DanglingService, false, () => Objects(WithoutPodSpec(SecureDeployment()), Service("api", Labels("api")))),
        ["SM4004 pod template without spec and other labels"] = new(RuleIds.DanglingService, true,
            () => Objects(WithoutPodSpec(DeploymentIn("shop", "web")), Service("api", Labels("api")))),
        ["SM4004 no selector"] = new(RuleIds.DanglingService, false, () => Objects(Service("external", null))),
        ["SM4004 PodTemplate runs no pods"] = new(RuleIds.DanglingService, true, () => Objects(
            new V1PodTemplate { Metadata = new V1ObjectMeta { Name = "t", NamespaceProperty = "shop" }, Template = SecureDeployment().Spec.Template },
            Service("api", Labels("api")))),

        ["SM4005 LoadBalancer"] = new(RuleIds.ExposedService, true, () => Objects(Service("api", null, "LoadBalancer")), Path: "spec.type", MessagePart: "LoadBalancer"),
        ["SM4005 NodePort"] = new(RuleIds.ExposedService, true, () => Objects(Service("api", null, "NodePort"))),
        ["SM4005 ClusterIP"] = new(RuleIds.ExposedService, false, () => Objects(Service("api", null, "ClusterIP"))),

        ["SM4006 no tls"] = new(RuleIds.IngressWithoutTls, true, () => Objects(Ingress(Backend("api", 80), tls: false)), Path: "spec.tls"),
        ["SM4006 tls"] = new(RuleIds.IngressWithoutTls, false, () => Objects(Ingress(Backend("api", 80)))),

        ["SM4007 no enforce label"] = new(RuleIds.NamespaceWithoutPodSecurity, true, () => Objects(Namespace("shop", null)),
            Path: "metadata.labels[pod-security.kubernetes.io/enforce]", MessagePart: "is not set"),
        ["SM4007 privileged"] = new(RuleIds.NamespaceWithoutPodSecurity, true, () => Objects(Namespace("shop", "privileged")), MessagePart: "'privileged'"),
        ["SM4007 baseline"] = new(RuleIds.NamespaceWithoutPodSecurity, false, () => Objects(Namespace("shop", "baseline"))),
        ["SM4007 restricted"] = new(RuleIds.NamespaceWithoutPodSecurity, false, () => Objects(Namespace("shop", "restricted"))),

        ["SM4008 Service missing"] = new(RuleIds.DanglingIngress, true, () => Objects(Service("api", null), Ingress(Backend("web", 80))),
            Path: "spec.rules[0].http.paths[1].backend.service.name", MessagePart: "Service 'web'"),
        ["SM4008 default backend Service missing"] = new(RuleIds.DanglingIngress, true,
            () => Objects(Service("api", null), Ingress(Backend("api", 80), defaultBackend: Backend("fallback", 80))), Path: "spec.defaultBackend.service.name"),
        ["SM4008 port number not declared"] = new(RuleIds.DanglingIngress, true, () => Objects(Service("api", null), Ingress(Backend("api", 8080))),
            Path: "spec.rules[0].http.paths[1].backend.service.port.number", MessagePart: "http=80"),
        ["SM4008 port name not declared"] = new(RuleIds.DanglingIngress, true, () => Objects(Service("api", null), Ingress(Backend("api", name: "https"))),
            Path: "spec.rules[0].http.paths[1].backend.service.port.name"),
        ["SM4008 Service in another namespace"] = new(RuleIds.DanglingIngress, true, () => Objects(Service("api", null, ns: "other"), Ingress(Backend("api", 80)))),
        ["SM4008 port by number"] = new(RuleIds.DanglingIngress, false, () => Objects(Service("api", null), Ingress(Backend("api", 80)))),
        ["SM4008 port by name"] = new(RuleIds.DanglingIngress, false, () => Objects(Service("api", null), Ingress(Backend("api", name: "http")))),

        ["SM4009 ingress-only policy"] = new(RuleIds.EgressNotRestricted, true, () => Objects(SecureDeployment(), Policy("p", All, new[] { "Ingress" })),
            Path: "spec.template.metadata.labels", MessagePart: "egress"),
        ["SM4009 absent policyTypes without egress rules"] = new(RuleIds.EgressNotRestricted, true, () => Objects(SecureDeployment(), Policy("p", All, null))),
        ["SM4009 absent policyTypes with egress rules"] = new(RuleIds.EgressNotRestricted, false,
            () => Objects(SecureDeployment(), Policy("p", Select("api"), null, egress: To(Block("10.0.0.0/8"))))),
        ["SM4009 default deny"] = new(RuleIds.EgressNotRestricted, false, () => Objects(SecureDeployment(), Policy("p", All, new[] { "Ingress", "Egress" }))),

        ["SM4010 0.0.0.0/0"] = new(RuleIds.MetadataEndpointReachable, true, () => Objects(Policy("p", All, new[] { "Egress" }, egress: To(Block("0.0.0.0/0")))),
            Path: "spec.egress[0].to[0].ipBlock.cidr", MessagePart: "169.254.169.254/32"),
        ["SM4010 169.254.0.0/16"] = new(RuleIds.MetadataEndpointReachable, true, () => Objects(Policy("p", All, new[] { "Egress" }, egress: To(Block("169.254.0.0/16"))))),
        ["SM4010 except does not cover it"] = new(RuleIds.MetadataEndpointReachable, true,
            () => Objects(Policy("p", All, new[] { "Egress" }, egress: To(Block("0.0.0.0/0", "169.254.169.0/31", "10.0.0.0/8"))))),
        ["SM4010 excepted exactly"] = new(RuleIds.MetadataEndpointReachable, false, () => Objects(Policy("p", All, new[] { "Egress" }, egress: To(Block("0.0.0.0/0", "169.254.169.254/32"))))),
        ["SM4010 excepted by a wider block"] = new(RuleIds.MetadataEndpointReachable, false, () => Objects(Policy("p", All, new[] { "Egress" }, egress: To(Block("0.0.0.0/0", "169.254.0.0/16"))))),
        ["SM4010 private range"] = new(RuleIds.MetadataEndpointReachable, false, () => Objects(Policy("p", All, new[] { "Egress" }, egress: To(Block("10.0.0.0/8"))))),
        ["SM4010 next block up"] = new(RuleIds.MetadataEndpointReachable, false, () => Objects(Policy("p", All, new[] { "Egress" }, egress: To(Block("169.254.169.255/32"))))),
        ["SM4010 IPv6"] = new(RuleIds.MetadataEndpointReachable, false, () => Objects(Policy("p", All, new[] { "Egress" }, egress: To(Block("::/0"))))),
        ["SM4010 egress rules of an ingress-only policy have no effect"] = new(RuleIds.MetadataEndpointReachable, false,
            () => Objects(Policy("p", All, new[] { "Ingress" }, egress: To(Block("0.0.0.0/0"))))),
    };

    public static TheoryData<string> CaseNames() => RuleCases.Names(Cases);

    [Fact]
    public void Every_network_rule_has_a_firing_and_a_non_firing_case()
    {
        RuleCases.AssertEveryRuleHasBothCases(Cases.Values.Select(c => (c.RuleId, c.Fires)), "SM40", 10);
    }


    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Streamed_cross_object_findings_are_at_fields_announced_when_their_object_was_added(string name)
    {
        var c = Cases[name];
        StreamingEvaluation.AssertAnnouncesWhereItReports(name, c.Objects(), new RuleEngineOptions { Profile = RuleProfile.All, FlagMissingNamespace = c.FlagMissingNamespace });
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Rule_fires_exactly_when_it_should(string name)
    {
        var c = Cases[name];
        var options = new RuleEngineOptions { Profile = RuleProfile.All, FlagMissingNamespace = c.FlagMissingNamespace };

        var findings = new RuleEngine().Evaluate(c.Objects(), options).Where(f => f.RuleId == c.RuleId).ToList();

        RuleCases.AssertVerdict(name, c.RuleId, c.Fires, findings, c.Path, c.MessagePart);
    }

    [Fact]
    public void Opt_in_network_rules_stay_off_in_the_secure_profile()
    {
        var objects = Objects(SecureDeployment(), Policy("p", All, IngressOnly, egress: To(Block("0.0.0.0/0"))), Service("api", Labels("api"), "LoadBalancer"));

        var ids = new RuleEngine().Evaluate(objects, new RuleEngineOptions()).Select(f => f.RuleId).ToArray();

        Assert.DoesNotContain(RuleIds.ExposedService, ids);
        Assert.DoesNotContain(RuleIds.EgressNotRestricted, ids);
        Assert.DoesNotContain(RuleIds.MetadataEndpointReachable, ids);
    }

    [Fact]
    public void Set_findings_are_waived_on_the_object_at_fault()
    {
        var deployment = SecureDeployment();
        deployment.Metadata.Annotations = new Dictionary<string, string> { ["securemanifests.io/ignore-SM4002"] = "isolated by the service mesh" };

        var findings = new RuleEngine().Evaluate(Objects(deployment), new RuleEngineOptions { ReportWaived = true });

        var finding = Assert.Single(findings);
        Assert.Equal(RuleIds.PodNotIsolated, finding.RuleId);
        Assert.Equal("isolated by the service mesh", finding.WaiverReason);
    }

    /// <summary>A CRD instance: the engine knows neither its kind nor its scope.</summary>
    private sealed class CustomObject : IKubernetesObject<V1ObjectMeta>
    {
        public CustomObject(string kind, string? ns)
        {
            Kind = kind;
            Metadata = new V1ObjectMeta { Name = "w", NamespaceProperty = ns };
        }

        public string ApiVersion { get; set; } = "example.com/v1";

        public string Kind { get; set; }

        public V1ObjectMeta Metadata { get; set; }
    }
}
