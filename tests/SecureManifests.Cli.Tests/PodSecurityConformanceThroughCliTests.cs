using System.Globalization;
using System.Text;
using System.Text.Json;
using SecureManifests.Cli.Tests.Infrastructure;
using SecureManifests.Rules;
using SecureManifests.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SecureManifests.Cli.Tests;

/// <summary>
/// The Pod Security Admission fixtures as an external oracle for the whole tool: for every level and every version,
/// <c>lint --profile LEVEL --pss-version v1.N --format json</c> over the version's folder gives no finding for a pass
/// file and a finding of the mapped rule (rules.md "PSA check ID -> rule") for a fail file.
/// </summary>
public sealed class PodSecurityConformanceThroughCliTests
{
    // PSA check ID (fixture name without trailing digits) -> rules that may report it (rules.md table).
    private static readonly Dictionary<string, string[]> RulesByCheck = new(StringComparer.Ordinal)
    {
        ["privileged"] = [RuleIds.PrivilegedContainer],
        ["hostnamespaces"] = [RuleIds.HostNamespaces],
        ["hostpathvolumes"] = [RuleIds.HostPathVolume],
        ["hostports"] = [RuleIds.HostPort],
        ["capabilities_baseline"] = [RuleIds.DangerousCapabilityAdded],
        ["capabilities_restricted"] = [RuleIds.CapabilitiesNotDropped],
        ["allowprivilegeescalation"] = [RuleIds.PrivilegeEscalationAllowed],
        ["runasnonroot"] = [RuleIds.RunAsNonRootNotSet],
        ["runasuser"] = [RuleIds.RunAsRootUser],
        ["seccompprofile_baseline"] = [RuleIds.SeccompUnconfined],
        ["seccompprofile_restricted"] = [RuleIds.SeccompNotSet, RuleIds.SeccompUnconfined],
        ["apparmorprofile"] = [RuleIds.ApparmorUnconfined],
        ["selinuxoptions"] = [RuleIds.SelinuxCustomOptions],
        ["procmount"] = [RuleIds.UnmaskedProcMount],
        ["procmount_restricted"] = [RuleIds.UnmaskedProcMount],
        ["sysctls"] = [RuleIds.UnsafeSysctl],
        ["windowshostprocess"] = [RuleIds.WindowsHostProcess],
        ["hostprobesandhostlifecycle"] = [RuleIds.ProbeHostOverride],
        ["restrictedvolumes"] = [RuleIds.RestrictedVolumeType, RuleIds.HostPathVolume],
    };

    private readonly ITestOutputHelper _output;

    public PodSecurityConformanceThroughCliTests(ITestOutputHelper output) => _output = output;

    [ConformanceFact]
    public void Every_fixture_of_every_version_and_level_agrees_through_lint()
    {
        int agreed = 0, total = 0;
        var disagreements = new StringBuilder();
        foreach (var level in new[] { "baseline", "restricted" })
        {
            for (var minor = 0; minor <= PssVersion.Latest.Minor; minor++)
            {
                var (levelAgreed, levelTotal) = Run(level, minor, disagreements);
                Assert.True(levelTotal > 0, $"no fixtures for {level} v1.{minor} under {TestPaths.PodSecurityFixtures}");
                agreed += levelAgreed;
                total += levelTotal;
            }
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"PSA conformance through `secure-manifests lint`: {agreed}/{total} fixtures agree ({(total == 0 ? 0 : 100.0 * agreed / total):F1}%)");
        _output.WriteLine(summary);
        Assert.True(total > 4000, $"{summary}: expected the full fixture set (over 4000 files)");
        Assert.True(agreed == total, summary + "\n" + disagreements);
    }

    private static (int Agreed, int Total) Run(string level, int minor, StringBuilder disagreements)
    {
        var version = "v1." + minor.ToString(CultureInfo.InvariantCulture);
        var folder = Path.Combine(TestPaths.PodSecurityFixtures, level, version);
        var result = Tool.Run(folder, ["lint", ".", "--profile", level, "--pss-version", version, "--format", "json"]);
        Assert.True(result.ExitCode is ExitCodes.Success or ExitCodes.Findings, result.Describe());

        using var json = JsonDocument.Parse(result.StandardOutput);
        var rulesByFile = json.RootElement.GetProperty("findings").EnumerateArray()
            .GroupBy(f => f.GetProperty("file").GetString()!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.GetProperty("ruleId").GetString()!).ToList(), StringComparer.Ordinal);

        int agreed = 0, total = 0;
        foreach (var verdict in new[] { "pass", "fail" })
        {
            var dir = Path.Combine(folder, verdict);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(dir, "*.yaml").Order(StringComparer.Ordinal))
            {
                total++;
                var name = verdict + "/" + Path.GetFileName(file);
                var found = rulesByFile.GetValueOrDefault(name) ?? [];
                var problem = verdict == "pass" ? PassProblem(found) : FailProblem(file, found);
                if (problem is null)
                {
                    agreed++;
                }
                else
                {
                    disagreements.Append(CultureInfo.InvariantCulture, $"  {level}/{version}/{name}: {problem}\n");
                }
            }
        }

        return (agreed, total);
    }

    private static string? PassProblem(List<string> found) =>
        found.Count == 0 ? null : "expected no findings, got " + string.Join(", ", found);

    private static string? FailProblem(string file, List<string> found)
    {
        var check = Path.GetFileNameWithoutExtension(file).TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        if (!RulesByCheck.TryGetValue(check, out var rules))
        {
            return $"unknown PSA check '{check}'";
        }

        return found.Any(rules.Contains)
            ? null
            : $"expected a finding of {string.Join(" or ", rules)}, got " + (found.Count == 0 ? "none" : string.Join(", ", found));
    }
}
