using System.Text.Json;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using SecureManifests.Cli.Tests.Infrastructure;
using SecureManifests.Tests.Infrastructure;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests;

/// <summary>
/// OpenShift DeploymentConfigs and Argo Rollouts through lint, as a user runs it: their pods are flagged exactly like the
/// Deployment with the same template (same rules, paths, lines and messages but for the kind), and a template that is
/// no pod template is unreadable input at its line.
/// </summary>
public sealed partial class PodTemplateKindLintTests : IDisposable
{
    private static readonly (string ApiVersion, string Kind)[] BuiltInKinds =
        [("apps.openshift.io/v1", "DeploymentConfig"), ("argoproj.io/v1alpha1", "Rollout")];

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Every single-Pod YAML fixture of the rules: each pod rule's firing and non-firing cases.</summary>
    public static TheoryData<string> PodFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var fixture in RuleFixtures.All(".yaml").Where(f => IsSinglePod(f.Text)))
        {
            data.Add(fixture.Name);
        }

        return data;
    }

    [Fact]
    public void The_pod_fixtures_cover_the_pod_rules()
    {
        var count = RuleFixtures.All(".yaml").Count(f => IsSinglePod(f.Text));
        Assert.True(count > 60, $"only {count} single-Pod fixtures");
    }

    [Theory]
    [MemberData(nameof(PodFixtures))]
    public void A_pod_in_a_DeploymentConfig_or_a_Rollout_is_flagged_exactly_like_in_a_Deployment(string fixture)
    {
        var pod = KubernetesYaml.Deserialize<V1Pod>(RuleFixtures.Get(fixture).Text);
        var deployment = AsDeployment(pod);
        var expected = Lint(deployment, "Deployment");

        foreach (var (apiVersion, kind) in BuiltInKinds)
        {
            var yaml = deployment.Replace("apiVersion: apps/v1\n", $"apiVersion: {apiVersion}\n", StringComparison.Ordinal)
                .Replace("kind: Deployment\n", $"kind: {kind}\n", StringComparison.Ordinal);
            Assert.Equal(expected, Lint(yaml, kind));
        }
    }

    [Fact]
    public void The_comparison_sees_the_findings_it_compares()
    {
        var privileged = KubernetesYaml.Deserialize<V1Pod>(RuleFixtures.Get("SM1001/insecure.yaml").Text);

        Assert.Contains(Lint(AsDeployment(privileged), "Deployment"),
            f => f.StartsWith("SM1001 spec.template.spec.containers[0].securityContext.privileged ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_template_that_is_no_pod_template_is_unreadable_input_at_the_field_and_the_rest_is_linted()
    {
        _folder.Write("rollout.yaml", """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata:
              name: web
              namespace: shop
            spec:
              template:
                spec:
                  containers:
                  - name: web
                    image: registry.example.com/web:1.4.2
                    ports:
                    - containerPort: http
            ---
            apiVersion: apps.openshift.io/v1
            kind: DeploymentConfig
            metadata:
              name: api
              namespace: shop
            spec:
              template:
                spec:
                  hostPID: true
                  containers:
                  - name: api
                    image: registry.example.com/api:1.4.2
            """);

        var result = Tool.Run(_folder.FullPath, ["lint", "rollout.yaml", "--profile", "baseline"]);

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Equal(
            "rollout.yaml:13:11: error: document 1 (Rollout shop/web): field spec.template.spec.containers[0].ports[0].containerPort: expected an integer",
            result.ErrorLines[0]);
        Assert.StartsWith("rollout.yaml:23:7: error SM1002: hostPID is true in the pod spec of DeploymentConfig shop/api", Assert.Single(result.OutputLines), StringComparison.Ordinal);
        Assert.StartsWith("1 file, 1 object: ", result.ErrorLines[1], StringComparison.Ordinal);
    }

    private static bool IsSinglePod(string yaml) =>
        Regex.Count(yaml, "^kind: ", RegexOptions.Multiline) == 1 && yaml.Contains("\nkind: Pod\n", StringComparison.Ordinal);

    /// <summary>The pod as the template of a Deployment whose selector matches it, in the YAML KubernetesClient writes.</summary>
    private static string AsDeployment(V1Pod pod)
    {
        var labels = pod.Metadata.Labels ?? new Dictionary<string, string>();
        labels.TryAdd("app", "fixture");
        var deployment = new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = new V1ObjectMeta { Name = pod.Metadata.Name, NamespaceProperty = pod.Metadata.NamespaceProperty },
            Spec = new V1DeploymentSpec
            {
                Selector = new V1LabelSelector { MatchLabels = labels },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels, Annotations = pod.Metadata.Annotations },
                    Spec = pod.Spec,
                },
            },
        };
        return KubernetesYaml.Serialize(deployment).ReplaceLineEndings("\n");
    }

    /// <summary>Every finding of <c>lint --profile all</c> as <c>ID path line:column message</c>, with the kind's name written WORKLOAD.</summary>
    private List<string> Lint(string yaml, string kind)
    {
        var result = Tool.Run(_folder.FullPath, ["lint", "-", "--format", "json", "--profile", "all"], yaml);
        Assert.True(result.ExitCode is ExitCodes.Success or ExitCodes.Findings, result.Describe());
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Empty(json.RootElement.GetProperty("readErrors").EnumerateArray());
        return json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("ruleId").GetString()} {f.GetProperty("path").GetString()} {f.GetProperty("line").GetInt32()}:{f.GetProperty("column").GetInt32()} " +
                Regex.Replace(f.GetProperty("message").GetString()!, $@"\b{kind}\b", "WORKLOAD"))
            .ToList();
    }
}
