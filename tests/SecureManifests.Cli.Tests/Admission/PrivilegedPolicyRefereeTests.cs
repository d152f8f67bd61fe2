using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests.Admission;

/// <summary>
/// The admission referees on a small hand-written ValidatingAdmissionPolicy: a privileged Pod is denied with the
/// policy's message, a secure Pod is admitted, a Deployment is not matched by a Pod-only policy, a false
/// matchCondition leaves the Pod out, and the three CEL engines agree on every case. All node questions of the class
/// go to one node process.
/// </summary>
public sealed class PrivilegedPolicyRefereeTests
{
    private const string Message = "SM0001: spec.containers[*].securityContext.privileged must not be true";

    // Pods only; kube-* namespaces are left out by a matchCondition; one variable joins the three container lists.
    private const string Policy = """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata:
          name: no-privileged-containers
        spec:
          failurePolicy: Fail
          matchConstraints:
            resourceRules:
              - apiGroups: [""]
                apiVersions: ["v1"]
                resources: ["pods"]
                operations: ["CREATE", "UPDATE"]
          matchConditions:
            - name: not-a-system-namespace
              expression: "!object.metadata.namespace.startsWith('kube-')"
          variables:
            - name: containers
              expression: >-
                object.spec.containers
                + (has(object.spec.initContainers) ? object.spec.initContainers : [])
                + (has(object.spec.ephemeralContainers) ? object.spec.ephemeralContainers : [])
          validations:
            - expression: >-
                variables.containers.all(c, !has(c.securityContext) || !has(c.securityContext.privileged)
                || c.securityContext.privileged == false)
              message: "SM0001: spec.containers[*].securityContext.privileged must not be true"
              reason: Forbidden
        """;

    private const string Expression =
        "variables.containers.all(c, !has(c.securityContext) || !has(c.securityContext.privileged) || c.securityContext.privileged == false)";

    private static readonly Dictionary<string, string> Objects = new(StringComparer.Ordinal)
    {
        ["privileged container"] = Pod("shop", """{ "name": "web", "image": "web:1", "securityContext": { "privileged": true } }"""),
        ["privileged init container"] = Pod(
            "shop", """{ "name": "web", "image": "web:1" }""", init: """{ "name": "setup", "image": "setup:1", "securityContext": { "privileged": true } }"""),
        ["privileged ephemeral container"] = Pod(
            "shop", """{ "name": "web", "image": "web:1" }""", ephemeral: """{ "name": "debug", "image": "debug:1", "securityContext": { "privileged": true } }"""),
        ["secure pod"] = Pod(
            "shop",
            """{ "name": "web", "image": "web:1", "securityContext": { "privileged": false, "runAsNonRoot": true } }""",
            init: """{ "name": "setup", "image": "setup:1" }"""),
        ["privileged pod in kube-system"] = Pod("kube-system", """{ "name": "proxy", "image": "proxy:1", "securityContext": { "privileged": true } }"""),
        ["privileged deployment"] = """
            { "apiVersion": "apps/v1", "kind": "Deployment", "metadata": { "name": "web", "namespace": "shop" },
              "spec": { "selector": { "matchLabels": { "app": "web" } },
                        "template": { "metadata": { "labels": { "app": "web" } },
                                      "spec": { "containers": [ { "name": "web", "image": "web:1", "securityContext": { "privileged": true } } ] } } } }
            """,
    };

    // Every case on every engine, asked once for the whole class (one node process for both node engines).
    private static readonly Lazy<Dictionary<(string Case, AdmissionEngine Engine), AdmissionVerdict>> Verdicts = new(() =>
    {
        var questions = (from name in Objects.Keys
                         from engine in AdmissionReferees.Engines
                         select (Name: name, Engine: engine)).ToList();
        var verdicts = AdmissionReferees.EvaluateAll(questions.Select(q => (q.Engine, new AdmissionCase(Policy, Objects[q.Name]))).ToList());
        return questions.Select((q, i) => (q, verdicts[i])).ToDictionary(p => (p.q.Name, p.q.Engine), p => p.Item2);
    });

    [Fact]
    public void Cel_net_alone_denies_a_privileged_pod_and_admits_a_secure_one()
    {
        var denied = AdmissionReferees.CelNet(Policy, Objects["privileged container"]);
        var admitted = AdmissionReferees.CelNet(Policy, Objects["secure pod"]);

        Assert.Equal(new AdmissionFailure(Message, Expression), Assert.Single(denied.Failures));
        Assert.False(denied.Admitted);
        Assert.True(admitted.Admitted, admitted.ToString());
    }

    [AdmissionRefereeFact]
    public void A_privileged_container_is_denied_with_the_message_on_every_engine()
    {
        foreach (var name in new[] { "privileged container", "privileged init container", "privileged ephemeral container" })
        {
            foreach (var (engine, verdict) in VerdictsOf(name))
            {
                Assert.False(verdict.Admitted, $"{name} on {engine}: {verdict}");
                Assert.True(verdict.Matched, $"{name} on {engine}: {verdict}");
                Assert.Equal(new AdmissionFailure(Message, Expression), Assert.Single(verdict.Failures));
            }
        }
    }

    [AdmissionRefereeFact]
    public void A_secure_pod_is_admitted_on_every_engine()
    {
        foreach (var (engine, verdict) in VerdictsOf("secure pod"))
        {
            Assert.Equal(new AdmissionVerdict(true, true, []).ToString(), verdict.ToString());
            Assert.True(verdict.Admitted, $"{engine}: {verdict}");
        }
    }

    [AdmissionRefereeFact]
    public void A_deployment_is_not_matched_by_a_pod_only_policy()
    {
        foreach (var (engine, verdict) in VerdictsOf("privileged deployment"))
        {
            Assert.True(verdict.Admitted && !verdict.Matched, $"{engine}: {verdict}");
        }
    }

    [AdmissionRefereeFact]
    public void A_false_match_condition_leaves_the_pod_out()
    {
        foreach (var (engine, verdict) in VerdictsOf("privileged pod in kube-system"))
        {
            Assert.True(verdict.Admitted && !verdict.Matched, $"{engine}: {verdict}");
        }
    }

    [AdmissionRefereeFact]
    public void The_three_engines_agree_on_every_case()
    {
        var disagreements = Objects.Keys
            .Select(name => (Name: name, Verdicts: VerdictsOf(name)))
            .Where(c => c.Verdicts.Select(v => v.Verdict.ToString()).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(c => c.Name + ": " + string.Join(" | ", c.Verdicts.Select(v => $"{v.Engine}: {v.Verdict}")))
            .ToList();

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    private static List<(AdmissionEngine Engine, AdmissionVerdict Verdict)> VerdictsOf(string name) =>
        AdmissionReferees.Engines.Select(engine => (engine, Verdicts.Value[(name, engine)])).ToList();

    private static string Pod(string ns, string container, string? init = null, string? ephemeral = null) =>
        $$"""
        { "apiVersion": "v1", "kind": "Pod", "metadata": { "name": "web", "namespace": "{{ns}}" },
          "spec": { "containers": [ {{container}} ]{{(init is null ? "" : $", \"initContainers\": [ {init} ]")}}{{(ephemeral is null ? "" : $", \"ephemeralContainers\": [ {ephemeral} ]")}} } }
        """;
}
