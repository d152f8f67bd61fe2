using k8s;
using SecureManifests.Admission;
using SecureManifests.Rules;
using SecureManifests.Tests.Infrastructure;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests.Admission;

/// <summary>
/// The per-rule YAML fixtures through the admission policies: for every rule a policy covers, the insecure fixtures
/// are denied by that rule's policy and the secure ones are not, the verdict lint gives them (checked by
/// <c>RuleFixtureLintTests</c>). Judged by all three CEL engines, which must also agree on why they deny.
/// </summary>
public sealed class RuleFixtureAdmissionTests
{
    private static readonly Dictionary<string, string> PolicyByRule = AdmissionPolicyGenerator
        .Generate(RuleProfile.All, PssVersion.Latest)
        .Policies.ToDictionary(p => p.Rule.Id, p => KubernetesJson.Serialize(p.Policy), StringComparer.Ordinal);

    private static readonly List<RuleFixture> Covered = RuleFixtures.All(".yaml").Where(f => PolicyByRule.ContainsKey(f.RuleId) && OfTypedKinds(f)).ToList();

    // Every object of every covered fixture on both node engines, asked once for the class (one node process).
    private static readonly Lazy<Dictionary<(string Fixture, AdmissionEngine Engine), List<AdmissionVerdict>>> NodeVerdicts = new(() =>
    {
        var asked = (from fixture in Covered
                     from json in Objects(fixture)
                     from engine in new[] { AdmissionEngine.Bufbuild, AdmissionEngine.CelJs }
                     select (fixture.Name, engine, new AdmissionCase(PolicyByRule[fixture.RuleId], json))).ToList();
        var verdicts = AdmissionReferees.EvaluateAll(asked.Select(a => (a.engine, a.Item3)).ToList());
        return asked.Select((a, i) => (a.Name, a.engine, Verdict: verdicts[i]))
            .GroupBy(v => (v.Name, v.engine))
            .ToDictionary(g => g.Key, g => g.Select(v => v.Verdict).ToList());
    });

    public static TheoryData<string> CoveredFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var fixture in Covered)
        {
            data.Add(fixture.Name);
        }

        return data;
    }

    [Fact]
    public void Most_per_object_rules_have_a_policy_and_fixtures_to_try_it_on()
    {
        Assert.True(Covered.Count >= 140, $"only {Covered.Count} fixtures of covered rules");
        var rulesWithFixtures = Covered.Select(f => f.RuleId).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(PolicyByRule.Keys.Order(StringComparer.Ordinal), rulesWithFixtures.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CoveredFixtures))]
    public void The_rules_policy_denies_exactly_the_insecure_fixtures_on_every_engine(string name)
    {
        var fixture = RuleFixtures.Get(name);
        var policy = PolicyByRule[fixture.RuleId];
        var verdicts = new List<(AdmissionEngine Engine, List<AdmissionVerdict> Verdicts)>
        {
            (AdmissionEngine.CelNet, Objects(fixture).Select(json => AdmissionReferees.CelNet(policy, json)).ToList()),
        };
        Assert.True(AdmissionReferees.NodeEnginesMissing is null || !TestPaths.RunningInCi, AdmissionReferees.NodeEnginesMissing);
        if (AdmissionReferees.NodeEnginesMissing is null)
        {
            verdicts.Add((AdmissionEngine.Bufbuild, NodeVerdicts.Value[(name, AdmissionEngine.Bufbuild)]));
            verdicts.Add((AdmissionEngine.CelJs, NodeVerdicts.Value[(name, AdmissionEngine.CelJs)]));
        }

        foreach (var (engine, objects) in verdicts)
        {
            var denied = objects.Count(v => !v.Admitted);
            Assert.True(fixture.IsInsecure == (denied > 0),
                $"{name}: on {engine} the {fixture.RuleId} policy {(denied > 0 ? "denies" : "admits")} it, lint says it is " +
                $"{(fixture.IsInsecure ? "insecure" : "secure")}: {string.Join(" | ", objects)}");
            Assert.All(objects.SelectMany(v => v.Failures), f => Assert.True(f.Error is null, $"{name} on {engine}: {f.Agreed}: {f.Error}"));
        }

        var accounts = verdicts.Select(v => string.Join(" | ", v.Verdicts)).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(accounts.Count == 1, $"{name}: the engines disagree:\n" + string.Join("\n", verdicts.Select(v => $"{v.Engine}: {string.Join(" | ", v.Verdicts)}")));
    }

    // The policies match the typed kinds only (docs/admission.md): pods of DeploymentConfigs and Rollouts are lint's and synth's.
    private static bool OfTypedKinds(RuleFixture fixture) =>
        !PodTemplateKindSet.BuiltIn.Any(k => fixture.Text.Contains("\nkind: " + k.Kind + "\n", StringComparison.Ordinal));

    private static List<string> Objects(RuleFixture fixture) =>
        KubernetesYaml.LoadAllFromString(fixture.Text).Select(o => KubernetesJson.Serialize(o)).ToList();
}
