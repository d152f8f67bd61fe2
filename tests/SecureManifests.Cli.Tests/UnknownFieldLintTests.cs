using System.Text.Json;
using SecureManifests.Cli.Tests.Infrastructure;
using SecureManifests.Rules;
using SecureManifests.Tests.Infrastructure;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests;

/// <summary>
/// SM2018 through lint, as a user runs it: a field its kind does not have is reported at its line with the likely
/// intended place, and valid manifests of every kind we model give no SM2018 finding: the Shop sample's output, every
/// Pod Security Admission fixture, every fixture of the other rules, the admission policies, and real CRDs.
/// </summary>
public sealed class UnknownFieldLintTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_misplaced_field_is_reported_at_its_line_with_where_it_belongs()
    {
        _folder.Write("deployment.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
              lables:
                app: web
            spec:
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                  - name: web
                    image: registry.example.com/web:1.4.2
                    runAsUser: 10001
                    requests:
                      cpu: 100m
                    securityContext:
                      resources: {}
                    livenessProbe:
                      path: /healthz
                    volumeMount: []
            """);

        var result = Tool.Run(_folder.FullPath, ["lint", "deployment.yaml", "--profile", "all", "--include", RuleIds.UnknownField]);

        Assert.Equal(
        [
            "deployment.yaml:6:3: warning SM2018: 'lables' is not a field of ObjectMeta (metadata) in Deployment shop/web, so the API server drops it: did you mean metadata.labels?",
            "deployment.yaml:20:9: warning SM2018: 'runAsUser' is not a field of Container (spec.template.spec.containers[0]) in Deployment shop/web, so the API server drops it: did you mean spec.template.spec.containers[0].securityContext.runAsUser?",
            "deployment.yaml:21:9: warning SM2018: 'requests' is not a field of Container (spec.template.spec.containers[0]) in Deployment shop/web, so the API server drops it: did you mean spec.template.spec.containers[0].resources.requests?",
            "deployment.yaml:24:11: warning SM2018: 'resources' is not a field of SecurityContext (spec.template.spec.containers[0].securityContext) in Deployment shop/web, so the API server drops it: did you mean spec.template.spec.containers[0].resources?",
            "deployment.yaml:26:11: warning SM2018: 'path' is not a field of Probe (spec.template.spec.containers[0].livenessProbe) in Deployment shop/web, so the API server drops it: did you mean spec.template.spec.containers[0].livenessProbe.httpGet.path?",
            "deployment.yaml:27:9: warning SM2018: 'volumeMount' is not a field of Container (spec.template.spec.containers[0]) in Deployment shop/web, so the API server drops it: did you mean spec.template.spec.containers[0].volumeMounts?",
        ],
            result.OutputLines.Where(l => l.Contains(" SM2018: ", StringComparison.Ordinal)).Select(l => l[..l.LastIndexOf(" [", StringComparison.Ordinal)]));
    }

    [Fact]
    public void A_field_with_no_likely_place_is_still_reported()
    {
        _folder.Write("pod.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              namespace: shop
            spec:
              colour: blue
              containers:
              - name: web
                image: registry.example.com/web:1.4.2
            """);

        var result = Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--format", "json"]);

        var finding = Assert.Single(Findings(result));
        Assert.Equal("spec.colour", finding.GetProperty("path").GetString());
        Assert.Equal(7, finding.GetProperty("line").GetInt32());
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.Equal("'colour' is not a field of PodSpec (spec) in Pod shop/web, so the API server drops it: remove it, or move it where it belongs",
            finding.GetProperty("message").GetString());
    }

    [Fact]
    public void The_rule_is_in_the_secure_profile_and_out_of_the_pod_security_ones()
    {
        _folder.Write("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec: {containers: [{name: web, image: 'x:1', runAsUser: 1}]}\n");

        Assert.Single(Findings(Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--format", "json"])));
        Assert.Empty(Findings(Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--format", "json", "--profile", "restricted"])));
        Assert.Empty(Findings(Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--format", "json", "--exclude", RuleIds.UnknownField])));
    }

    [Fact]
    public void The_Shop_samples_output_has_no_unknown_field()
    {
        var synth = Tool.Run(_folder.FullPath, ["synth", "--assembly", BuiltFiles.ShopDll, "--output", "out"]);
        Assert.True(synth.ExitCode == ExitCodes.Success, synth.Describe());

        AssertSilent("out", minimumObjects: 20);
    }

    [Fact]
    public void The_admission_policies_have_no_unknown_field()
    {
        var policy = Tool.Run(_folder.FullPath, ["policy", "--profile", "all", "--output", "policies.yaml"]);
        Assert.True(policy.ExitCode == ExitCodes.Success, policy.Describe());

        AssertSilent("policies.yaml", minimumObjects: 40);
    }

    [Fact]
    public void The_fixtures_of_every_other_rule_have_no_unknown_field()
    {
        foreach (var folder in Directory.GetDirectories(RuleFixtures.Root).Where(f => Path.GetFileName(f) != RuleIds.UnknownField))
        {
            CopyYaml(folder, Path.Combine(_folder.FullPath, "fixtures", Path.GetFileName(folder)));
        }

        AssertSilent("fixtures", minimumObjects: 200);
    }

    [ConformanceFact]
    public void Every_pod_security_admission_fixture_has_no_unknown_field() =>
        AssertSilent(TestPaths.PodSecurityFixtures, minimumObjects: 4000);

    [CrdFact]
    public void Every_shared_CRD_has_no_unknown_field()
    {
        var crds = Directory.GetFiles(TestPaths.SharedCrds, "*.yaml", SearchOption.AllDirectories).Length;

        AssertSilent(TestPaths.SharedCrds, minimumObjects: crds);
    }

    private void AssertSilent(string path, int minimumObjects)
    {
        var result = Tool.Run(_folder.FullPath, ["lint", path, "--format", "json", "--profile", "all"]);

        Assert.True(result.ExitCode is ExitCodes.Success or ExitCodes.Findings, result.Describe());
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Empty(json.RootElement.GetProperty("readErrors").EnumerateArray());
        Assert.True(json.RootElement.GetProperty("summary").GetProperty("documents").GetInt32() >= minimumObjects, result.Describe());
        var unknown = json.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("ruleId").GetString() == RuleIds.UnknownField)
            .Select(f => $"{f.GetProperty("file").GetString()}:{f.GetProperty("line").GetInt32()}: {f.GetProperty("message").GetString()}")
            .ToList();
        Assert.True(unknown.Count == 0, string.Join('\n', unknown));
    }

    private static List<JsonElement> Findings(CliResult result)
    {
        Assert.True(result.ExitCode is ExitCodes.Success or ExitCodes.Findings, result.Describe());
        using var json = JsonDocument.Parse(result.StandardOutput);
        return json.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("ruleId").GetString() == RuleIds.UnknownField)
            .Select(f => f.Clone())
            .ToList();
    }

    private static void CopyYaml(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*.yaml"))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
