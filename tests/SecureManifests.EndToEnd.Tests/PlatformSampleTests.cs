using k8s;
using k8s.Models;
using SecureManifests.Rules;
using SecureManifests.Tests.Referees;

namespace SecureManifests.EndToEnd.Tests;

/// <summary>
/// The second sample, a platform team's production services, run as a user runs it and judged by the same referees
/// as the Shop: the Kubernetes OpenAPI schema, kubectl kustomize, and Pod Security Standards restricted for
/// everything that is not relaxed with a reason.
/// </summary>
public sealed class PlatformSampleTests : IClassFixture<PlatformSampleTests.PlatformOutput>
{
    private readonly PlatformOutput _output;

    public PlatformSampleTests(PlatformOutput output) => _output = output;

    [Fact]
    public void The_sample_writes_every_kind_the_app_defines()
    {
        var kinds = _output.Objects.Select(o => o.Kind).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "Namespace", "Deployment", "DaemonSet", "Job", "Service", "ConfigMap", "ServiceAccount", "NetworkPolicy", "PodDisruptionBudget",
            },
            kinds);
        Assert.True(File.Exists(Path.Combine(_output.Directory, "kustomization.yaml")));
    }

    [Fact]
    public void Every_document_passes_the_kubernetes_openapi_schema() => _output.AssertPassesTheKubernetesSchema();

    [Fact]
    public void Kubectl_kustomize_builds_the_folder() => _output.AssertKustomizeBuildsIt();

    [Fact]
    public void Every_pod_spec_meets_pod_security_restricted_except_what_is_relaxed_with_a_reason()
    {
        _output.AssertNoFindings(RuleProfile.Restricted);

        var waived = new RuleEngine().Evaluate(_output.Objects, new RuleEngineOptions { Profile = RuleProfile.Restricted, ReportWaived = true })
            .Where(f => f.IsSuppressed).Select(f => (f.RuleId, f.Path)).Distinct().Order().ToList();
        // The one relaxation: the log agent's read-only hostPath (PSS reports it as SM1003, not as SM1018).
        Assert.Equal([(RuleIds.HostPathVolume, "spec.template.spec.volumes[0].hostPath")], waived);
        Assert.Equal(3, _output.Objects.Count(o => o is V1Deployment or V1DaemonSet or V1Job));
    }

    [Fact]
    public void The_secure_profile_finds_nothing() => _output.AssertNoFindings(RuleProfile.Secure);

    [Fact]
    public void Only_the_log_agents_namespace_leaves_pod_security_restricted_and_says_why()
    {
        var enforced = _output.Objects.OfType<V1Namespace>()
            .ToDictionary(n => n.Metadata.Name, n => n.Metadata.Labels["pod-security.kubernetes.io/enforce"], StringComparer.Ordinal);

        Assert.Equal(new Dictionary<string, string> { ["edge"] = "restricted", ["jobs"] = "restricted", ["logging"] = "privileged" }, enforced);
        var logging = _output.Objects.OfType<V1Namespace>().Single(n => n.Metadata.Name == "logging");
        Assert.StartsWith("DaemonSet logging/log-agent: ", logging.Metadata.Annotations["securemanifests.io/ignore-SM4007"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_log_agent_reads_the_node_logs_read_only_on_tainted_nodes_too()
    {
        var pod = _output.Objects.OfType<V1DaemonSet>().Single().Spec.Template.Spec;

        Assert.Equal("/var/log", Assert.Single(pod.Volumes, v => v.HostPath is not null).HostPath.Path);
        Assert.True(Assert.Single(pod.Containers[0].VolumeMounts, m => m.MountPath == "/host/var/log").ReadOnlyProperty);
        Assert.Equal(["node-role.kubernetes.io/control-plane", "dedicated"], pod.Tolerations.Select(t => t.Key));
        Assert.Equal("linux", pod.NodeSelector["kubernetes.io/os"]);
    }

    [Fact]
    public void The_load_balancer_carries_its_reason_and_the_customization()
    {
        var service = _output.Objects.OfType<V1Service>().Single(s => s.Metadata.Name == "gateway");

        Assert.Equal(("LoadBalancer", "Local"), (service.Spec.Type, service.Spec.ExternalTrafficPolicy));
        Assert.Contains("NET-118", service.Metadata.Annotations["securemanifests.io/ignore-SM4005"], StringComparison.Ordinal);
        var all = new RuleEngine().Evaluate(_output.Objects, new RuleEngineOptions { Profile = RuleProfile.All });
        Assert.DoesNotContain(all, f => f.RuleId == RuleIds.ExposedService);
    }

    [Fact]
    public void The_job_reads_its_node_and_namespace_through_the_downward_api()
    {
        var env = _output.Objects.OfType<V1Job>().Single().Spec.Template.Spec.Containers[0].Env;

        Assert.Equal(["spec.nodeName", "metadata.namespace"], env.Where(e => e.ValueFrom?.FieldRef is not null).Select(e => e.ValueFrom.FieldRef.FieldPath));
        Assert.Equal("limits.memory", Assert.Single(env, e => e.ValueFrom?.ResourceFieldRef is not null).ValueFrom.ResourceFieldRef.Resource);
    }

    [Fact]
    public void Kubectl_kustomize_builds_the_admission_folder_on_its_own()
    {
        var result = KustomizeReferee.Build(_output.AdmissionDirectory);

        result.AssertSucceeded();
        Assert.NotEmpty(_output.AdmissionObjects);
        Assert.Equal(_output.AdmissionObjects.Count, result.StandardOutput.Split("\n---\n").Length);
        Assert.All(_output.AdmissionObjects, o => Assert.True(o is V1ValidatingAdmissionPolicy or V1ValidatingAdmissionPolicyBinding, o.Kind));
    }

    [Fact]
    public void The_relaxations_exempt_their_own_namespaces_for_the_rules_that_have_a_policy()
    {
        var exemptions = _output.Objects.OfType<V1Namespace>().ToDictionary(
            n => n.Metadata.Name,
            n => string.Join(",", n.Metadata.Labels.Keys.Where(k => k.StartsWith("securemanifests.io/exempt-", StringComparison.Ordinal)).Order(StringComparer.Ordinal)),
            StringComparer.Ordinal);

        Assert.Equal(
            new Dictionary<string, string>
            {
                // The load balancer's SM4005 is opt-in (profile all): the secure profile has no policy to exempt it from.
                ["edge"] = "",
                ["jobs"] = "",
                ["logging"] = "securemanifests.io/exempt-SM1003,securemanifests.io/exempt-SM1018",
            },
            exemptions);
        var logging = _output.Objects.OfType<V1Namespace>().Single(n => n.Metadata.Name == "logging");
        Assert.StartsWith("DaemonSet logging/log-agent: the agent ships node and container logs", logging.Metadata.Annotations["securemanifests.io/exempt-SM1003"], StringComparison.Ordinal);
    }

    [AdmissionRefereeFact]
    public void Every_object_of_the_app_passes_its_own_admission_policies_and_the_log_agent_would_not_outside_its_namespace()
    {
        var documents = AdmissionDocuments.Load(_output.AdmissionDirectory);
        var namespaces = _output.Objects.OfType<V1Namespace>().ToDictionary(n => n.Metadata.Name, n => KubernetesJson.Serialize(n), StringComparer.Ordinal);
        // No policy matches PodDisruptionBudgets, and the referees' kind table does not know them.
        var requests = _output.Objects.Where(o => o is not V1PodDisruptionBudget)
            .Select(o => new AdmissionRequest(KubernetesJson.Serialize(o), Namespace(o) is { } ns ? namespaces[ns] : null))
            .ToList();
        // A copy: the objects are shared by the tests of this class.
        var agent = KubernetesJson.Deserialize<V1DaemonSet>(KubernetesJson.Serialize(_output.Objects.OfType<V1DaemonSet>().Single()));
        agent.Metadata.NamespaceProperty = "jobs";
        requests.Add(new AdmissionRequest(KubernetesJson.Serialize(agent), namespaces["jobs"]));

        var verdicts = documents.Judge(requests, AdmissionReferees.Engines);

        var engines = AdmissionReferees.Engines.Count;
        Assert.All(verdicts.Take(verdicts.Count - engines), v => Assert.True(v.Admitted && v.Warnings.Count == 0, v.ToString()));
        Assert.Contains(verdicts, v => v.Matched.Contains("securemanifests-platform-sm4007"));
        Assert.All(verdicts.Skip(verdicts.Count - engines), v => Assert.Contains("securemanifests-platform-sm1003", v.DeniedBy));
    }

    private static string? Namespace(IKubernetesObject o) => (o as IMetadata<V1ObjectMeta>)?.Metadata.NamespaceProperty;

    /// <summary>One run of the sample shared by the tests of this class.</summary>
    public sealed class PlatformOutput() : SampleOutput("Platform");
}
