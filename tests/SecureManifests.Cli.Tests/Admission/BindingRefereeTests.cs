using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests.Admission;

/// <summary>
/// The referees' own binding semantics, against what the Kubernetes documentation says a binding does, on all three
/// engines: which requests a binding selects (policyName, resourceRules, excludeResourceRules, label selectors on the
/// Namespace and on the object, cluster-scoped objects and Namespaces themselves), and what its validationActions do.
/// The expected values are written by hand from the API's rules, so a referee bug cannot make the exemption tests of
/// the SDK pass vacuously.
/// </summary>
public sealed class BindingRefereeTests
{
    // Denies everything it is bound to, so "bound" reads as "denied".
    private const string Policy = """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata:
          name: always-fails
        spec:
          failurePolicy: Fail
          matchConstraints:
            resourceRules:
              - { apiGroups: [""], apiVersions: ["v1"], resources: ["pods", "namespaces"], operations: ["CREATE", "UPDATE"] }
              - { apiGroups: ["rbac.authorization.k8s.io"], apiVersions: ["v1"], resources: ["clusterroles"], operations: ["CREATE"] }
          validations:
            - expression: "false"
              message: always fails
        """;

    public static TheoryData<string, string?, string, string> Selections => new()
    {
        // name, binding matchResources (JSON, null for none), the Namespace's labels, the pod's labels
        { "no matchResources: bound everywhere", null, "{}", "{}" },
        { "an empty namespaceSelector selects every namespace", """{ "namespaceSelector": {} }""", """{ "tier": "dev" }""", "{}" },
        { "matchLabels equal", """{ "namespaceSelector": { "matchLabels": { "tier": "prod" } } }""", """{ "tier": "prod" }""", "{}" },
        { "In a listed value", """{ "namespaceSelector": { "matchExpressions": [ { "key": "tier", "operator": "In", "values": ["prod", "staging"] } ] } }""", """{ "tier": "staging" }""", "{}" },
        { "NotIn another value", """{ "namespaceSelector": { "matchExpressions": [ { "key": "tier", "operator": "NotIn", "values": ["prod"] } ] } }""", """{ "tier": "dev" }""", "{}" },
        { "NotIn with the key absent", """{ "namespaceSelector": { "matchExpressions": [ { "key": "tier", "operator": "NotIn", "values": ["prod"] } ] } }""", "{}", "{}" },
        { "Exists with the key", """{ "namespaceSelector": { "matchExpressions": [ { "key": "tier", "operator": "Exists" } ] } }""", """{ "tier": "" }""", "{}" },
        { "DoesNotExist with the key absent", """{ "namespaceSelector": { "matchExpressions": [ { "key": "exempt", "operator": "DoesNotExist" } ] } }""", """{ "tier": "prod" }""", "{}" },
        { "matchLabels and expressions both hold", """{ "namespaceSelector": { "matchLabels": { "tier": "prod" }, "matchExpressions": [ { "key": "exempt", "operator": "DoesNotExist" } ] } }""", """{ "tier": "prod" }""", "{}" },
        { "objectSelector on the pod's labels", """{ "objectSelector": { "matchLabels": { "app": "web" } } }""", "{}", """{ "app": "web" }""" },
        { "resourceRules that list pods", """{ "resourceRules": [ { "apiGroups": [""], "apiVersions": ["v1"], "resources": ["pods"], "operations": ["CREATE"] } ] }""", "{}", "{}" },
    };

    public static TheoryData<string, string, string, string> Exclusions => new()
    {
        { "matchLabels with another value", """{ "namespaceSelector": { "matchLabels": { "tier": "prod" } } }""", """{ "tier": "dev" }""", "{}" },
        { "matchLabels with the key absent", """{ "namespaceSelector": { "matchLabels": { "tier": "prod" } } }""", "{}", "{}" },
        { "In another value", """{ "namespaceSelector": { "matchExpressions": [ { "key": "tier", "operator": "In", "values": ["prod"] } ] } }""", """{ "tier": "dev" }""", "{}" },
        { "In with the key absent", """{ "namespaceSelector": { "matchExpressions": [ { "key": "tier", "operator": "In", "values": ["prod"] } ] } }""", "{}", "{}" },
        { "NotIn the value", """{ "namespaceSelector": { "matchExpressions": [ { "key": "tier", "operator": "NotIn", "values": ["prod"] } ] } }""", """{ "tier": "prod" }""", "{}" },
        { "Exists with the key absent", """{ "namespaceSelector": { "matchExpressions": [ { "key": "tier", "operator": "Exists" } ] } }""", """{ "other": "x" }""", "{}" },
        { "DoesNotExist with the key, even empty", """{ "namespaceSelector": { "matchExpressions": [ { "key": "exempt", "operator": "DoesNotExist" } ] } }""", """{ "exempt": "" }""", "{}" },
        { "matchLabels hold but an expression does not", """{ "namespaceSelector": { "matchLabels": { "tier": "prod" }, "matchExpressions": [ { "key": "exempt", "operator": "DoesNotExist" } ] } }""", """{ "tier": "prod", "exempt": "true" }""", "{}" },
        { "objectSelector on other labels", """{ "objectSelector": { "matchLabels": { "app": "web" } } }""", "{}", """{ "app": "db" }""" },
        { "resourceRules that list other resources", """{ "resourceRules": [ { "apiGroups": ["apps"], "apiVersions": ["v1"], "resources": ["deployments"], "operations": ["CREATE"] } ] }""", "{}", "{}" },
        { "excludeResourceRules that list pods", """{ "excludeResourceRules": [ { "apiGroups": [""], "apiVersions": ["v1"], "resources": ["pods"], "operations": ["*"] } ] }""", "{}", "{}" },
    };

    [AdmissionRefereeTheory]
    [MemberData(nameof(Selections))]
    public void A_binding_selects_the_request(string name, string? matchResources, string namespaceLabels, string podLabels)
    {
        foreach (var verdict in Judge(Pod(podLabels), Namespace("shop", namespaceLabels), [Binding("b", "always-fails", "Deny", matchResources)]))
        {
            Assert.True(verdict.Matched && !verdict.Admitted, $"{name}: {verdict}");
            Assert.Equal("always fails", Assert.Single(verdict.Failures).Message);
        }
    }

    [AdmissionRefereeTheory]
    [MemberData(nameof(Exclusions))]
    public void A_binding_leaves_the_request_out(string name, string matchResources, string namespaceLabels, string podLabels)
    {
        foreach (var verdict in Judge(Pod(podLabels), Namespace("shop", namespaceLabels), [Binding("b", "always-fails", "Deny", matchResources)]))
        {
            Assert.True(!verdict.Matched && verdict.Admitted && verdict.Failures.Count == 0, $"{name}: {verdict}");
        }
    }

    [AdmissionRefereeFact]
    public void Only_a_binding_that_names_the_policy_applies_it_and_no_binding_means_no_policy()
    {
        Assert.All(Judge(Pod("{}"), Namespace("shop", "{}"), [Binding("b", "another-policy", "Deny", null)]), v => Assert.False(v.Matched, v.ToString()));
        Assert.All(Judge(Pod("{}"), Namespace("shop", "{}"), []), v => Assert.False(v.Matched, v.ToString()));
        // Without bindings the policy is judged alone, as the older tests ask.
        Assert.All(Judge(Pod("{}"), Namespace("shop", "{}"), null), v => Assert.False(v.Admitted, v.ToString()));
    }

    [AdmissionRefereeFact]
    public void A_namespace_selector_matches_a_Namespace_by_its_own_labels_and_never_leaves_out_a_cluster_scoped_object()
    {
        var byName = """{ "namespaceSelector": { "matchExpressions": [ { "key": "kubernetes.io/metadata.name", "operator": "In", "values": ["shop"] } ] } }""";
        Assert.All(Judge(Namespace("shop", """{ "kubernetes.io/metadata.name": "shop" }"""), null, [Binding("b", "always-fails", "Deny", byName)]),
            v => Assert.True(v.Matched && !v.Admitted, v.ToString()));
        Assert.All(Judge(Namespace("other", """{ "kubernetes.io/metadata.name": "other" }"""), null, [Binding("b", "always-fails", "Deny", byName)]),
            v => Assert.False(v.Matched, v.ToString()));

        var clusterRole = """{ "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": { "name": "reader" }, "rules": [] }""";
        Assert.All(Judge(clusterRole, null, [Binding("b", "always-fails", "Deny", byName)]), v => Assert.True(v.Matched && !v.Admitted, v.ToString()));
    }

    [AdmissionRefereeFact]
    public void Warn_and_Audit_admit_with_a_warning_or_an_audit_record_and_Deny_rejects()
    {
        var warned = Judge(Pod("{}"), Namespace("shop", "{}"), [Binding("warn-it", "always-fails", "Warn", null)]);
        Assert.All(warned, v =>
        {
            Assert.True(v.Admitted && v.Matched, v.ToString());
            Assert.Equal(["Validation failed for ValidatingAdmissionPolicy 'always-fails' with binding 'warn-it': always fails"], v.Warnings);
            Assert.Empty(v.AuditRecords);
        });

        var audited = Judge(Pod("{}"), Namespace("shop", "{}"), [Binding("audit-it", "always-fails", "Audit", null)]);
        Assert.All(audited, v =>
        {
            Assert.True(v.Admitted && v.Matched, v.ToString());
            Assert.Equal(["always-fails audit-it: always fails"], v.AuditRecords);
            Assert.Empty(v.Warnings);
        });

        var both = Judge(Pod("{}"), Namespace("shop", "{}"), [Binding("deny-and-audit", "always-fails", "Deny\", \"Audit", null), Binding("warn-it", "always-fails", "Warn", null)]);
        Assert.All(both, v =>
        {
            Assert.False(v.Admitted, v.ToString());
            Assert.Single(v.Warnings);
            Assert.Single(v.AuditRecords);
        });

        // The denying binding does not select the request: only the warning remains.
        var elsewhere = """{ "namespaceSelector": { "matchLabels": { "tier": "prod" } } }""";
        var warnedOnly = Judge(Pod("{}"), Namespace("shop", "{}"), [Binding("deny-prod", "always-fails", "Deny", elsewhere), Binding("warn-it", "always-fails", "Warn", null)]);
        Assert.All(warnedOnly, v => Assert.True(v.Admitted && v.Warnings.Count == 1, v.ToString()));
    }

    [AdmissionRefereeFact]
    public void A_binding_that_denies_and_warns_at_once_is_refused_rather_than_judged()
    {
        foreach (var engine in AdmissionReferees.Engines)
        {
            var question = new AdmissionCase(Policy, Pod("{}"), Namespace("shop", "{}")) { Bindings = [Binding("b", "always-fails", "Deny\", \"Warn", null)] };
            Assert.Throws<InvalidOperationException>(() => AdmissionReferees.Evaluate(engine, question));
        }
    }

    private static IReadOnlyList<AdmissionVerdict> Judge(string objectJson, string? namespaceJson, IReadOnlyList<string>? bindings)
    {
        return AdmissionReferees.EvaluateAll(AdmissionReferees.Engines
            .Select(e => (e, new AdmissionCase(Policy, objectJson, namespaceJson) { Bindings = bindings }))
            .ToList());
    }

    // actions is the inside of a JSON string list: "Deny" or "Deny\", \"Audit".
    private static string Binding(string name, string policyName, string actions, string? matchResources) => $$"""
        { "apiVersion": "admissionregistration.k8s.io/v1", "kind": "ValidatingAdmissionPolicyBinding",
          "metadata": { "name": "{{name}}" },
          "spec": { "policyName": "{{policyName}}", "validationActions": ["{{actions}}"]{{(matchResources is null ? "" : ", \"matchResources\": " + matchResources)}} } }
        """;

    private static string Pod(string labels) => $$"""
        { "apiVersion": "v1", "kind": "Pod", "metadata": { "name": "web", "namespace": "shop", "labels": {{labels}} },
          "spec": { "containers": [ { "name": "web", "image": "web:1" } ] } }
        """;

    private static string Namespace(string name, string labels) => $$"""
        { "apiVersion": "v1", "kind": "Namespace", "metadata": { "name": "{{name}}", "labels": {{labels}} } }
        """;
}
