using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests.Admission;

/// <summary>
/// The CEL subset the generated policies may use (issue 10: standard macros, <c>has()</c>, the strings extension,
/// no optional syntax) gives the same results on the three engines, with the polyfills the harness registers
/// where an engine lacks a function; and the parts of the decision beyond validations (variables built on earlier
/// ones, messageExpression, namespaceObject, evaluation errors and failurePolicy) agree too.
/// </summary>
public sealed class CelSubsetRefereeTests
{
    private const string SubsetPolicy = """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata:
          name: cel-subset
        spec:
          matchConstraints:
            resourceRules:
              - { apiGroups: [""], apiVersions: ["v1"], resources: ["pods"], operations: ["CREATE"] }
          variables:
            - name: names
              expression: "object.spec.containers.map(c, c.name)"
            - name: first
              expression: "variables.names[0]"
          validations:
            - expression: "object.metadata.name.startsWith('we') && object.metadata.name.endsWith('eb') && object.metadata.name.contains('e')"
              message: startsWith endsWith contains
            - expression: "object.spec.containers.all(c, c.image.matches('^[a-z]+:[0-9]+$'))"
              message: all matches
            - expression: "object.spec.containers.exists(c, c.name == 'web') && object.spec.containers.exists_one(c, c.name == 'web')"
              message: exists exists_one
            - expression: "variables.names.filter(n, n.startsWith('s')) == ['sidecar'] && variables.first == 'web'"
              message: map filter variables
            - expression: "object.spec.containers[0].image.split(':')[1] == '1' && 'a:b:c'.split(':', 2) == ['a', 'b:c'] && 'abc'.split('', 2) == ['a', 'bc']"
              message: split
            - expression: "'WeB'.lowerAscii() == 'web' && 'web'.upperAscii() == 'WEB' && '  x '.trim() == 'x'"
              message: lowerAscii upperAscii trim
            - expression: "object.metadata.name.indexOf('e') == 1 && 'abcb'.lastIndexOf('b') == 3 && 'abcb'.indexOf('b', 2) == 3"
              message: indexOf lastIndexOf
            - expression: "object.metadata.name.substring(1) == 'eb' && 'abc'.substring(0, 2) == 'ab' && 'abc'.charAt(1) == 'b'"
              message: substring charAt
            - expression: "'a-b-c'.replace('-', '.') == 'a.b.c' && 'a-b-c'.replace('-', '.', 1) == 'a.b-c'"
              message: replace
            - expression: "['a', 'b'].join('/') == 'a/b' && variables.names.join(',') == 'web,sidecar' && ['x'].join() == 'x'"
              message: join
            - expression: "has(object.metadata.labels) && 'app' in object.metadata.labels && !has(object.spec.hostNetwork)"
              message: has in
            - expression: "size(object.spec.containers) == 2 && object.spec.containers.size() == 2 && object.spec.securityContext.runAsUser == 1000"
              message: size and ints
            - expression: "request.operation == 'CREATE' && oldObject == null && request.resource.resource == 'pods'"
              message: request oldObject
            - expression: "namespaceObject.metadata.labels['tier'] == 'prod'"
              message: namespaceObject
            - expression: "variables.names.all(n, n != 'forbidden')"
              messageExpression: "'container ' + variables.first + ' is forbidden'"
              message: messageExpression fallback
        """;

    private const string Namespace = """
        { "apiVersion": "v1", "kind": "Namespace", "metadata": { "name": "shop", "labels": { "tier": "prod" } } }
        """;

    private const string GoodPod = """
        { "apiVersion": "v1", "kind": "Pod", "metadata": { "name": "web", "namespace": "shop", "labels": { "app": "web" } },
          "spec": { "securityContext": { "runAsUser": 1000 },
                    "containers": [ { "name": "web", "image": "web:1" }, { "name": "sidecar", "image": "proxy:2" } ] } }
        """;

    // Fails every validation but the request one.
    private const string BadPod = """
        { "apiVersion": "v1", "kind": "Pod", "metadata": { "name": "forbidden", "namespace": "dev" },
          "spec": { "hostNetwork": true, "securityContext": { "runAsUser": 0 },
                    "containers": [ { "name": "forbidden", "image": "Api:latest" } ] } }
        """;

    private const string DevNamespace = """
        { "apiVersion": "v1", "kind": "Namespace", "metadata": { "name": "dev", "labels": { "tier": "dev" } } }
        """;

    private const string ErrorPolicy = """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata:
          name: errors
        spec:
          failurePolicy: FAILURE_POLICY
          matchConstraints:
            resourceRules:
              - { apiGroups: ["*"], apiVersions: ["*"], resources: ["*"], operations: ["*"] }
          variables:
            - name: broken
              expression: "object.spec.missing.field"
          validations:
            - expression: "object.metadata.name != ''"
              message: fine
            - expression: "variables.broken == 'x'"
              message: uses the broken variable
            - expression: "object.metadata.name"
              message: not a bool
        """;

    [AdmissionRefereeFact]
    public void Every_engine_admits_a_pod_that_satisfies_the_whole_subset()
    {
        foreach (var (engine, verdict) in Ask(SubsetPolicy, GoodPod, Namespace))
        {
            Assert.True(verdict.Admitted, $"{engine}: {verdict}");
        }
    }

    [AdmissionRefereeFact]
    public void Every_engine_denies_a_pod_that_breaks_the_subset_with_the_same_failures()
    {
        var verdicts = Ask(SubsetPolicy, BadPod, DevNamespace);

        AssertAgree(verdicts);
        var messages = verdicts[0].Verdict.Failures.Select(f => f.Message).ToList();
        Assert.Equal(
            ["startsWith endsWith contains", "all matches", "exists exists_one", "map filter variables", "split", "indexOf lastIndexOf",
             "substring charAt", "join", "has in", "size and ints", "namespaceObject", "container forbidden is forbidden"],
            messages);
        Assert.All(verdicts[0].Verdict.Failures, f => Assert.Null(f.Error));
    }

    [AdmissionRefereeFact]
    public void Expression_errors_deny_under_failure_policy_fail_on_every_engine_and_a_broken_variable_fails_only_its_users()
    {
        var verdicts = Ask(ErrorPolicy.Replace("FAILURE_POLICY", "Fail", StringComparison.Ordinal), GoodPod, null);

        AssertAgree(verdicts);
        var failures = verdicts[0].Verdict.Failures;
        Assert.Equal(["variables.broken == 'x'", "object.metadata.name"], failures.Select(f => f.Expression));
        Assert.All(failures, f => Assert.NotNull(f.Error));
        Assert.False(verdicts[0].Verdict.Admitted);
    }

    [AdmissionRefereeFact]
    public void Expression_errors_are_ignored_under_failure_policy_ignore_on_every_engine()
    {
        foreach (var (engine, verdict) in Ask(ErrorPolicy.Replace("FAILURE_POLICY", "Ignore", StringComparison.Ordinal), GoodPod, null))
        {
            Assert.True(verdict.Admitted && verdict.Failures.Count == 0, $"{engine}: {verdict}");
        }
    }

    // Every scenario on every engine, asked once for the whole class (one node process for both node engines).
    private static readonly (string Policy, string Object, string? Namespace)[] Scenarios =
    [
        (SubsetPolicy, GoodPod, Namespace),
        (SubsetPolicy, BadPod, DevNamespace),
        (ErrorPolicy.Replace("FAILURE_POLICY", "Fail", StringComparison.Ordinal), GoodPod, null),
        (ErrorPolicy.Replace("FAILURE_POLICY", "Ignore", StringComparison.Ordinal), GoodPod, null),
    ];

    private static readonly Lazy<IReadOnlyList<AdmissionVerdict>> Verdicts = new(() => AdmissionReferees.EvaluateAll(
        (from scenario in Scenarios
         from engine in AdmissionReferees.Engines
         select (engine, new AdmissionCase(scenario.Policy, scenario.Object, scenario.Namespace))).ToList()));

    private static List<(AdmissionEngine Engine, AdmissionVerdict Verdict)> Ask(string policy, string subject, string? namespaceObject)
    {
        var index = Array.IndexOf(Scenarios, (policy, subject, namespaceObject));
        Assert.True(index >= 0, "ask only the scenarios listed in Scenarios");
        return AdmissionReferees.Engines
            .Select((engine, k) => (engine, Verdicts.Value[(index * AdmissionReferees.Engines.Count) + k]))
            .ToList();
    }

    private static void AssertAgree(List<(AdmissionEngine Engine, AdmissionVerdict Verdict)> verdicts) =>
        Assert.True(
            verdicts.Select(v => v.Verdict.ToString()).Distinct(StringComparer.Ordinal).Count() == 1,
            "The engines disagree:\n" + string.Join("\n", verdicts.Select(v => $"{v.Engine}: {v.Verdict}")));
}
