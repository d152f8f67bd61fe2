using System.Globalization;
using System.Text;
using k8s;
using k8s.Models;
using SecureManifests.Rules;
using SecureManifests.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SecureManifests.Tests.Rules;

/// <summary>
/// The Pod Security Admission fixtures are the oracle of the baseline and restricted profiles: for every
/// level and version, a pass pod gets no finding and a fail pod gets a finding of the rule its check maps to.
/// </summary>
public sealed class PodSecurityConformanceTests
{
    private static readonly RuleEngine Engine = new();

    // PSA check ID (fixture name without trailing digits) -> rules that may report it (rules.md table).
    private static readonly Dictionary<string, string[]> RulesByCheck = new(StringComparer.Ordinal)
    {
        ["privileged"] = new[] { RuleIds.PrivilegedContainer },
        ["hostnamespaces"] = new[] { RuleIds.HostNamespaces },
        ["hostpathvolumes"] = new[] { RuleIds.HostPathVolume },
        ["hostports"] = new[] { RuleIds.HostPort },
        ["capabilities_baseline"] = new[] { RuleIds.DangerousCapabilityAdded },
        ["capabilities_restricted"] = new[] { RuleIds.CapabilitiesNotDropped },
        ["allowprivilegeescalation"] = new[] { RuleIds.PrivilegeEscalationAllowed },
        ["runasnonroot"] = new[] { RuleIds.RunAsNonRootNotSet },
        ["runasuser"] = new[] { RuleIds.RunAsRootUser },
        ["seccompprofile_baseline"] = new[] { RuleIds.SeccompUnconfined },
        ["seccompprofile_restricted"] = new[] { RuleIds.SeccompNotSet, RuleIds.SeccompUnconfined },
        ["apparmorprofile"] = new[] { RuleIds.ApparmorUnconfined },
        ["selinuxoptions"] = new[] { RuleIds.SelinuxCustomOptions },
        ["procmount"] = new[] { RuleIds.UnmaskedProcMount },
        ["procmount_restricted"] = new[] { RuleIds.UnmaskedProcMount },
        ["sysctls"] = new[] { RuleIds.UnsafeSysctl },
        ["windowshostprocess"] = new[] { RuleIds.WindowsHostProcess },
        ["hostprobesandhostlifecycle"] = new[] { RuleIds.ProbeHostOverride },
        ["restrictedvolumes"] = new[] { RuleIds.RestrictedVolumeType, RuleIds.HostPathVolume },
    };

    private readonly ITestOutputHelper _output;

    public PodSecurityConformanceTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string, int> LevelsAndVersions()
    {
        var data = new TheoryData<string, int>();
        foreach (var level in new[] { "baseline", "restricted" })
        {
            for (var minor = 0; minor <= PssVersion.Latest.Minor; minor++)
            {
                data.Add(level, minor);
            }
        }

        return data;
    }

    [ConformanceTheory]
    [MemberData(nameof(LevelsAndVersions))]
    public void Verdicts_equal_the_fixtures_of_one_level_and_version(string level, int minor)
    {
        var result = Run(level, minor);

        _output.WriteLine($"{level} v1.{minor}: {result.Agreed}/{result.Total} fixtures agree");
        Assert.True(result.Total > 0, $"no fixtures found for {level} v1.{minor} under {TestPaths.PodSecurityFixtures}");
        Assert.True(result.Agreed == result.Total,
            $"{level} v1.{minor}: {result.Agreed}/{result.Total} fixtures agree; disagreements:\n{result.Disagreements}");
    }

    [ConformanceFact]
    public void Every_fixture_of_every_version_and_level_agrees()
    {
        int agreed = 0, total = 0;
        var disagreements = new StringBuilder();
        foreach (var row in LevelsAndVersions())
        {
            var result = Run((string)row[0], (int)row[1]);
            agreed += result.Agreed;
            total += result.Total;
            disagreements.Append(result.Disagreements);
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"PSA conformance: {agreed}/{total} fixtures agree ({(total == 0 ? 0 : 100.0 * agreed / total):F1}%)");
        _output.WriteLine(summary);
        Assert.True(total > 4000, $"{summary}: expected the full fixture set (over 4000 files)");
        Assert.True(agreed == total, summary + "\n" + disagreements);
    }

    private static (int Agreed, int Total, string Disagreements) Run(string level, int minor)
    {
        var options = new RuleEngineOptions
        {
            Profile = level == "baseline" ? RuleProfile.Baseline : RuleProfile.Restricted,
            Version = PssVersion.V1(minor),
        };
        var root = Path.Combine(TestPaths.PodSecurityFixtures, level, "v1." + minor.ToString(CultureInfo.InvariantCulture));
        int agreed = 0, total = 0;
        var disagreements = new StringBuilder();

        foreach (var verdict in new[] { "pass", "fail" })
        {
            var dir = Path.Combine(root, verdict);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(dir, "*.yaml").Order(StringComparer.Ordinal))
            {
                total++;
                var pod = KubernetesYaml.Deserialize<V1Pod>(File.ReadAllText(file));
                var findings = Engine.Evaluate(new IKubernetesObject[] { pod }, options);
                var problem = verdict == "pass" ? PassProblem(findings) : FailProblem(file, findings);
                if (problem is null)
                {
                    agreed++;
                }
                else
                {
                    disagreements.Append(CultureInfo.InvariantCulture, $"  {level}/v1.{minor}/{verdict}/{Path.GetFileName(file)}: {problem}\n");
                }
            }
        }

        return (agreed, total, disagreements.ToString());
    }

    private static string? PassProblem(IReadOnlyList<Finding> findings) =>
        findings.Count == 0 ? null : "expected no findings, got " + string.Join(" | ", findings);

    private static string? FailProblem(string file, IReadOnlyList<Finding> findings)
    {
        var check = Path.GetFileNameWithoutExtension(file).TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        if (!RulesByCheck.TryGetValue(check, out var rules))
        {
            return $"unknown PSA check '{check}'";
        }

        foreach (var finding in findings)
        {
            if (Array.IndexOf(rules, finding.RuleId) >= 0)
            {
                return null;
            }
        }

        return $"expected a finding of {string.Join(" or ", rules)}, got " +
               (findings.Count == 0 ? "none" : string.Join(" | ", findings));
    }
}
