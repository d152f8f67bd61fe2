using k8s;
using SecureManifests.Admission;
using SecureManifests.Rules;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests.Admission;

/// <summary>
/// The policies over every resource (SM4001, SM2017) judge what people and their tools apply, not what the control
/// plane writes itself: the API server's <c>kubernetes</c> Service and the controllers' ConfigMaps in <c>default</c>,
/// a kubelet's writes, and the Events and Leases components keep. On every engine, with the request's user.
/// </summary>
public sealed class ControlPlaneRequestTests
{
    private const string KubernetesService = """
        { "apiVersion": "v1", "kind": "Service", "metadata": { "name": "kubernetes", "namespace": "default" },
          "spec": { "ports": [ { "name": "https", "port": 443, "targetPort": 6443 } ] } }
        """;

    private const string RootCaConfigMap = """
        { "apiVersion": "v1", "kind": "ConfigMap", "metadata": { "name": "kube-root-ca.crt", "namespace": "default" }, "data": { "ca.crt": "..." } }
        """;

    private const string NodeEvent = """
        { "apiVersion": "v1", "kind": "Event", "metadata": { "name": "node-1.17f", "namespace": "default" },
          "involvedObject": { "kind": "Node", "name": "node-1" }, "reason": "NodeReady" }
        """;

    private const string LeaderLease = """
        { "apiVersion": "coordination.k8s.io/v1", "kind": "Lease", "metadata": { "name": "operator-lock", "namespace": "default" },
          "spec": { "holderIdentity": "operator-7d9f" } }
        """;

    private static readonly (string Name, string User, bool Admitted, string Object)[] DefaultNamespaceCases =
    [
        ("the API server's own Service", """{ "username": "system:apiserver", "groups": ["system:masters"] }""", true, KubernetesService),
        ("a controller of kube-controller-manager", """{ "username": "system:serviceaccount:kube-system:root-ca-cert-publisher" }""", true, RootCaConfigMap),
        ("kube-controller-manager with its own credentials", """{ "username": "system:kube-controller-manager" }""", true, RootCaConfigMap),
        ("a kubelet", """{ "username": "system:node:node-1", "groups": ["system:nodes", "system:authenticated"] }""", true, RootCaConfigMap),
        ("a person", """{ "username": "alice@example.com", "groups": ["system:authenticated"] }""", false, RootCaConfigMap),
        ("a GitOps controller outside kube-system", """{ "username": "system:serviceaccount:argocd:argocd-application-controller" }""", false, KubernetesService),
        ("an operator's Event about a cluster-scoped object", """{ "username": "system:serviceaccount:karpenter:karpenter" }""", true, NodeEvent),
        ("an operator's leader-election Lease", """{ "username": "system:serviceaccount:shop:operator" }""", true, LeaderLease),
    ];

    [AdmissionRefereeFact]
    public void The_default_namespace_policy_leaves_the_control_planes_writes_and_component_records_alone_and_judges_the_rest()
    {
        var policy = PolicyOf(RuleIds.DefaultNamespace);
        var verdicts = Ask(DefaultNamespaceCases.Select(c => new AdmissionCase(policy, c.Object, UserInfoJson: c.User)).ToList());

        for (var i = 0; i < DefaultNamespaceCases.Length; i++)
        {
            var (name, _, admitted, _) = DefaultNamespaceCases[i];
            Assert.All(verdicts[i], v => Assert.True(v.Verdict.Admitted == admitted, $"{name} on {v.Engine}: {v.Verdict}"));
        }
    }

    [AdmissionRefereeFact]
    public void The_recommended_label_policy_judges_a_persons_ConfigMap_but_not_an_Event()
    {
        var policy = PolicyOf(RuleIds.MissingRecommendedLabels);
        var verdicts = Ask([new AdmissionCase(policy, RootCaConfigMap), new AdmissionCase(policy, NodeEvent)]);

        Assert.All(verdicts[0], v => Assert.False(v.Verdict.Admitted, $"{v.Engine}: {v.Verdict}"));
        Assert.All(verdicts[1], v => Assert.True(v.Verdict.Admitted && !v.Verdict.Matched, $"{v.Engine}: {v.Verdict}"));
    }

    private static string PolicyOf(string ruleId) =>
        KubernetesJson.Serialize(AdmissionPolicyGenerator.Generate(RuleProfile.All, PssVersion.Latest).Policies.Single(p => p.Rule.Id == ruleId).Policy);

    // Each case on every engine; the engines must agree on each.
    private static List<List<(AdmissionEngine Engine, AdmissionVerdict Verdict)>> Ask(List<AdmissionCase> cases)
    {
        var asked = (from c in cases from engine in AdmissionReferees.Engines select (engine, c)).ToList();
        var verdicts = AdmissionReferees.EvaluateAll(asked);
        var result = new List<List<(AdmissionEngine, AdmissionVerdict)>>();
        for (var i = 0; i < cases.Count; i++)
        {
            var perEngine = AdmissionReferees.Engines.Select((engine, k) => (engine, verdicts[(i * AdmissionReferees.Engines.Count) + k])).ToList();
            Assert.Single(perEngine.Select(v => v.Item2.ToString()).Distinct(StringComparer.Ordinal));
            result.Add(perEngine);
        }

        return result;
    }
}
