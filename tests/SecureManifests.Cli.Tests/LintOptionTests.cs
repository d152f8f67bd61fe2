using System.Text.Json;
using SecureManifests.Cli.Tests.Infrastructure;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests;

/// <summary>--profile, --pss-version, --fail-on, --include, --exclude, --namespace, and usage errors.</summary>
public sealed class LintOptionTests : IDisposable
{
    private const string ProbeWithHost = """
        apiVersion: v1
        kind: Pod
        metadata: {name: probe, namespace: shop}
        spec:
          containers:
          - name: c
            image: x:1
            livenessProbe:
              httpGet: {host: 169.254.169.254, path: /, port: 80}
        """;

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_profile_chooses_the_rules()
    {
        _folder.Write("deploy.yaml", Manifests.RestrictedDeployment.Replace("1.2.3", "latest", StringComparison.Ordinal));

        Assert.Empty(RuleIds("deploy.yaml", "--profile", "restricted"));
        var secure = RuleIds("deploy.yaml");
        Assert.Contains("SM2001", secure);
        Assert.DoesNotContain("SM2002", secure);
        Assert.Contains("SM2002", RuleIds("deploy.yaml", "--profile", "all"));
    }

    [Fact]
    public void The_pss_version_follows_the_policy_of_that_version()
    {
        // Probe and lifecycle hosts are forbidden by Baseline from v1.34 on.
        _folder.Write("probe.yaml", ProbeWithHost);

        Assert.Equal(["SM1017"], RuleIds("probe.yaml", "--profile", "baseline", "--pss-version", "v1.34"));
        Assert.Empty(RuleIds("probe.yaml", "--profile", "baseline", "--pss-version", "v1.33"));
        Assert.Equal(["SM1017"], RuleIds("probe.yaml", "--profile", "baseline"));
    }

    [Fact]
    public void Include_adds_and_exclude_removes_rules_by_id_or_name()
    {
        _folder.Write("deploy.yaml", Manifests.RestrictedDeployment);

        Assert.Equal(["SM2002"], RuleIds("deploy.yaml", "--profile", "restricted", "--include", "SM2002"));
        Assert.Equal(["SM2002"], RuleIds("deploy.yaml", "--profile", "restricted", "--include=image-not-pinned-by-digest"));
        _folder.Write("pod.yaml", Manifests.PrivilegedPod);
        Assert.Equal(["SM1001"], RuleIds("pod.yaml", "--profile", "baseline"));
        Assert.Empty(RuleIds("pod.yaml", "--profile", "baseline", "--exclude", "sm1001"));
        Assert.Empty(RuleIds("pod.yaml", "--profile", "baseline", "--include", "SM1001", "--exclude", "SM1001"));
    }

    [Fact]
    public void Fail_on_sets_the_severity_that_makes_the_exit_code_1()
    {
        // Under secure this Deployment has warnings only (a mutable tag), under all also info (no digest).
        _folder.Write("deploy.yaml", Manifests.RestrictedDeployment.Replace("1.2.3", "latest", StringComparison.Ordinal));
        string[] lint = ["lint", "deploy.yaml", "--namespace", "shop"];

        Assert.Equal(ExitCodes.Success, Tool.Run(_folder.FullPath, lint).ExitCode);
        Assert.Equal(ExitCodes.Findings, Tool.Run(_folder.FullPath, [.. lint, "--fail-on", "warning"]).ExitCode);
        Assert.Equal(ExitCodes.Success, Tool.Run(_folder.FullPath, [.. lint, "--fail-on", "info", "--profile", "restricted"]).ExitCode);
        Assert.Equal(ExitCodes.Findings, Tool.Run(_folder.FullPath, [.. lint, "--fail-on", "info", "--profile", "restricted", "--include", "SM2002"]).ExitCode);
    }

    [Fact]
    public void The_namespace_option_is_the_namespace_of_objects_without_one()
    {
        _folder.Write("pod.yaml", Manifests.PrivilegedPod.Replace("  namespace: shop\n", string.Empty, StringComparison.Ordinal));

        var result = Tool.Run(_folder.FullPath, ["lint", "pod.yaml", "--profile", "baseline", "--namespace", "team-a"]);

        Assert.EndsWith("[Pod/team-a/web]", Assert.Single(result.OutputLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_namespace_option_objects_without_one_are_flagged()
    {
        _folder.Write("pod.yaml", Manifests.PrivilegedPod.Replace("  namespace: shop\n", string.Empty, StringComparison.Ordinal));

        var without = RuleIds("pod.yaml", "--include", "SM4001");
        var with = RuleIds("pod.yaml", "--include", "SM4001", "--namespace", "team-a");

        Assert.Contains("SM4001", without);
        Assert.DoesNotContain("SM4001", with);
    }

    [Theory]
    [InlineData("lint pod.yaml --profile strict", "error: unknown profile 'strict'; use baseline, restricted, secure or all")]
    [InlineData("lint pod.yaml --format xml", "error: unknown format 'xml'; use text, json, sarif, junit or github")]
    [InlineData("lint pod.yaml --fail-on never", "error: unknown severity 'never'; use error, warning or info")]
    [InlineData("lint pod.yaml --pss-version 2.0", "error: unknown Pod Security Standards version '2.0'; use v1.0 to v1.37 or latest")]
    [InlineData("lint pod.yaml --include SM1O01", "error: --include: 'SM1O01' is not a rule ID (did you mean SM1001 privileged-container?); `secure-manifests rules` lists them")]
    [InlineData("lint pod.yaml --exclude", "error: --exclude needs a value")]
    [InlineData("lint pod.yaml --namespace Team_A", "error: --namespace 'Team_A' is not a valid namespace name (lower-case letters, digits and '-', at most 63)")]
    [InlineData("lint pod.yaml --colour", "error: unknown option '--colour' for lint (did you mean --color?)")]
    [InlineData("lint", "error: lint needs at least one PATH (a file, a folder, or - for stdin), or --kustomize DIR")]
    [InlineData("lint - -", "error: - (stdin) can be given only once")]
    [InlineData("frobnicate", "error: unknown command 'frobnicate'; use lint, rules, explain, synth, policy, config or import-crd")]
    public void Usage_errors_are_one_line_and_exit_2(string commandLine, string expected)
    {
        _folder.Write("pod.yaml", Manifests.PrivilegedPod);

        var result = Tool.Run(_folder.FullPath, commandLine.Split(' '));

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Equal(expected, result.ErrorLines[0]);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public void Help_and_version_exit_0()
    {
        Assert.Contains("--fail-on", Tool.Run(_folder.FullPath, ["lint", "--help"]).StandardOutput, StringComparison.Ordinal);
        Assert.Contains("lint <PATH>", Tool.Run(_folder.FullPath, ["--help"]).StandardOutput, StringComparison.Ordinal);
        Assert.Contains("--assembly", Tool.Run(_folder.FullPath, ["synth", "-h"]).StandardOutput, StringComparison.Ordinal);
        Assert.Matches(@"^secure-manifests \d+\.\d+\.\d+\n$", Tool.Run(_folder.FullPath, ["--version"]).StandardOutput);
        Assert.Equal(ExitCodes.UsageOrInputError, Tool.Run(_folder.FullPath, []).ExitCode);
    }

    private string[] RuleIds(params string[] lintArgs)
    {
        var result = Tool.Run(_folder.FullPath, ["lint", .. lintArgs, "--format", "json"]);
        Assert.True(result.ExitCode is ExitCodes.Success or ExitCodes.Findings, result.Describe());
        using var json = JsonDocument.Parse(result.StandardOutput);
        return json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("ruleId").GetString()!).Distinct().Order(StringComparer.Ordinal).ToArray();
    }
}
