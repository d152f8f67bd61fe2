using System.Globalization;
using System.Text;
using k8s;
using k8s.Models;
using SecureManifests.Admission;
using SecureManifests.Rules;
using SecureManifests.Tests.Infrastructure;
using SecureManifests.Tests.Referees;
using Xunit.Abstractions;

namespace SecureManifests.Cli.Tests.Admission;

/// <summary>
/// The generated ValidatingAdmissionPolicies decide the Pod Security Admission fixtures as the admission controller
/// does: a pass pod is admitted by every policy of its level and version, a fail pod is denied by one. Every fixture of
/// every version is judged by each of the three engines: the in-process one, and the two node ones (one node process
/// per version).
/// </summary>
public sealed class PodSecurityAdmissionConformanceTests(ITestOutputHelper output)
{
    [ConformanceFact]
    public void Every_fixture_of_every_version_gets_the_admission_verdict_from_the_in_process_engine()
    {
        int agreed = 0, total = 0;
        var disagreements = new StringBuilder();
        foreach (var (level, minor) in LevelsAndVersions())
        {
            var policies = Policies(level, minor);
            foreach (var fixture in Fixtures(level, minor))
            {
                total++;
                var admitted = policies.All(p => AdmissionReferees.CelNet(p, fixture.Pod).Admitted);
                if (admitted == fixture.ShouldPass)
                {
                    agreed++;
                }
                else
                {
                    disagreements.Append(CultureInfo.InvariantCulture, $"  {fixture.Name}: {(admitted ? "admitted" : "denied")}\n");
                }
            }
        }

        output.WriteLine($"Cel 0.3.3: {agreed}/{total} PSA fixtures get the admission verdict");
        Assert.True(total > 4000, $"expected the full fixture set, found {total}");
        Assert.True(agreed == total, $"{agreed}/{total} agree:\n{disagreements}");
    }

    public static TheoryData<int> Versions()
    {
        var data = new TheoryData<int>();
        for (var minor = 0; minor <= PssVersion.Latest.Minor; minor++)
        {
            data.Add(minor);
        }

        return data;
    }

    [ConformanceTheory]
    [MemberData(nameof(Versions))]
    public void The_node_engines_give_every_fixture_of_a_version_the_admission_verdict(int minor)
    {
        Assert.True(AdmissionReferees.NodeEnginesMissing is null || !TestPaths.RunningInCi, AdmissionReferees.NodeEnginesMissing);
        if (AdmissionReferees.NodeEnginesMissing is not null)
        {
            return;
        }

        var questions = new List<(AdmissionEngine, AdmissionCase)>();
        var asked = new List<(Fixture Fixture, AdmissionEngine Engine)>();
        foreach (var level in new[] { "baseline", "restricted" })
        {
            var policies = Policies(level, minor);
            foreach (var fixture in Fixtures(level, minor))
            {
                foreach (var engine in new[] { AdmissionEngine.Bufbuild, AdmissionEngine.CelJs })
                {
                    foreach (var policy in policies)
                    {
                        questions.Add((engine, new AdmissionCase(policy, fixture.Pod)));
                        asked.Add((fixture, engine));
                    }
                }
            }
        }

        var verdicts = AdmissionReferees.EvaluateAll(questions);
        var decided = asked.Select((a, i) => (a.Fixture, a.Engine, verdicts[i].Admitted))
            .GroupBy(v => (v.Fixture.Name, v.Engine))
            .Select(g => (g.Key.Name, g.Key.Engine, ShouldPass: g.First().Fixture.ShouldPass, Admitted: g.All(v => v.Admitted)))
            .ToList();
        var wrong = decided.Where(d => d.Admitted != d.ShouldPass).Select(d => $"{d.Engine} {d.Name}: {(d.Admitted ? "admitted" : "denied")}").ToList();

        output.WriteLine($"node engines: {decided.Count - wrong.Count}/{decided.Count} verdicts agree with the fixtures of v1.{minor}");
        Assert.True(decided.Count > 0, $"no v1.{minor} fixtures found under {TestPaths.PodSecurityFixtures}");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private sealed record Fixture(string Name, string Pod, bool ShouldPass);

    private static IEnumerable<(string Level, int Minor)> LevelsAndVersions()
    {
        foreach (var level in new[] { "baseline", "restricted" })
        {
            for (var minor = 0; minor <= PssVersion.Latest.Minor; minor++)
            {
                yield return (level, minor);
            }
        }
    }

    /// <summary>The generated policies of a level and version, as the JSON an API server would be given.</summary>
    private static List<string> Policies(string level, int minor) =>
        AdmissionPolicyGenerator.Generate(level == "baseline" ? RuleProfile.Baseline : RuleProfile.Restricted, PssVersion.V1(minor))
            .Policies.Select(p => KubernetesJson.Serialize(p.Policy)).ToList();

    private static IEnumerable<Fixture> Fixtures(string level, int minor)
    {
        var root = Path.Combine(TestPaths.PodSecurityFixtures, level, "v1." + minor.ToString(CultureInfo.InvariantCulture));
        foreach (var verdict in new[] { "pass", "fail" })
        {
            var dir = Path.Combine(root, verdict);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(dir, "*.yaml").Order(StringComparer.Ordinal))
            {
                var pod = KubernetesJson.Serialize(KubernetesYaml.Deserialize<V1Pod>(File.ReadAllText(file)));
                yield return new Fixture($"{level}/v1.{minor}/{verdict}/{Path.GetFileName(file)}", pod, verdict == "pass");
            }
        }
    }
}
