using k8s;
using SecureManifests.Admission;
using SecureManifests.Rules;
using SecureManifests.Tests.Infrastructure;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests.Admission;

/// <summary>
/// The per-rule YAML fixtures through the admission policies: for every rule a policy covers, the insecure fixtures
/// are denied by that rule's policy and the secure ones are not, the verdict lint gives them (checked by
/// <c>RuleFixtureLintTests</c>). Judged by the in-process CEL engine.
/// </summary>
public sealed class RuleFixtureAdmissionTests
{
    private static readonly Dictionary<string, string> PolicyByRule = AdmissionPolicyGenerator
        .Generate(RuleProfile.All, PssVersion.Latest)
        .Policies.ToDictionary(p => p.Rule.Id, p => KubernetesJson.Serialize(p.Policy), StringComparer.Ordinal);

    public static TheoryData<string> CoveredFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var fixture in RuleFixtures.All(".yaml").Where(f => PolicyByRule.ContainsKey(f.RuleId)))
        {
            data.Add(fixture.Name);
        }

        return data;
    }

    [Fact]
    public void Most_per_object_rules_have_a_policy_and_fixtures_to_try_it_on()
    {
        var count = RuleFixtures.All(".yaml").Count(f => PolicyByRule.ContainsKey(f.RuleId));
        Assert.True(count >= 50, $"only {count} fixtures of covered rules");
    }

    [Theory]
    [MemberData(nameof(CoveredFixtures))]
    public void The_rules_policy_denies_exactly_the_insecure_fixtures(string name)
    {
        var fixture = RuleFixtures.Get(name);
        var policy = PolicyByRule[fixture.RuleId];

        var denied = KubernetesYaml.LoadAllFromString(fixture.Text)
            .Select(o => KubernetesJson.Serialize(o))
            .Where(json => !AdmissionReferees.CelNet(policy, json).Admitted)
            .ToList();

        Assert.True(fixture.IsInsecure == (denied.Count > 0),
            $"{name}: the {fixture.RuleId} policy {(denied.Count > 0 ? "denies" : "admits")} it, lint says it is {(fixture.IsInsecure ? "insecure" : "secure")}");
    }
}
