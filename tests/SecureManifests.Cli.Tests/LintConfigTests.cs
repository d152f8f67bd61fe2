using System.Text.Json;
using System.Text.RegularExpressions;
using SecureManifests.Cli.Tests.Infrastructure;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests;

/// <summary>
/// <c>.securemanifests.yaml</c>: found from the first input upward (up to the repository root), or --config, or none
/// with --no-config; every key's effect; flags over the file; errors at FILE:LINE:COL; <c>config init</c>.
/// </summary>
public sealed class LintConfigTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public LintConfigTests()
    {
        // The repository root: discovery stops here, whatever lies above the temporary folder.
        Directory.CreateDirectory(Path.Combine(_folder.FullPath, "repo", ".git"));
        _folder.Write("repo/k8s/pod.yaml", Manifests.PrivilegedPod);
        _folder.Write("repo/k8s/deploy.yaml", Manifests.RestrictedDeployment.Replace("1.2.3", "latest", StringComparison.Ordinal));
    }

    private string Repo => Path.Combine(_folder.FullPath, "repo");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_config_is_found_upward_from_the_first_input_and_not_above_the_repository_root()
    {
        _folder.Write(".securemanifests.yaml", "profile: all\n");
        Assert.Contains("SM2001", RuleIds(Repo, "k8s"));

        _folder.Write("repo/.securemanifests.yaml", "profile: baseline\n");
        Assert.Equal(["SM1001"], RuleIds(Repo, "k8s"));
        Assert.Equal(["SM1001"], RuleIds(Path.Combine(Repo, "k8s"), "pod.yaml"));
        Assert.Equal(["SM1001"], RuleIds(Repo, "-", Manifests.PrivilegedPod));

        _folder.Write("repo/k8s/.securemanifests.yaml", "profile: restricted\nrules: {exclude: [SM1001]}\n");
        Assert.DoesNotContain("SM1001", RuleIds(Repo, "k8s/pod.yaml"));
        Assert.Contains("SM1008", RuleIds(Repo, "k8s/pod.yaml"));
    }

    [Fact]
    public void Flags_override_the_file()
    {
        _folder.Write("repo/.securemanifests.yaml", "profile: baseline\nfail-on: warning\nrules:\n  exclude: [SM1001]\n  include: [SM2001]\n");

        Assert.Equal(["SM2001"], RuleIds(Repo, "k8s"));
        Assert.Equal(["SM1001", "SM2001"], RuleIds(Repo, "k8s", null, "--include", "SM1001"));
        Assert.Equal([], RuleIds(Repo, "k8s", null, "--exclude", "SM2001"));
        Assert.Contains("SM1008", RuleIds(Repo, "k8s", null, "--profile", "restricted"));

        // fail-on: warning makes the mutable tag (a warning) fail; --fail-on error on the command line does not.
        Assert.Equal(ExitCodes.Findings, Tool.Run(Repo, ["lint", "k8s/deploy.yaml"]).ExitCode);
        Assert.Equal(ExitCodes.Success, Tool.Run(Repo, ["lint", "k8s/deploy.yaml", "--fail-on", "error"]).ExitCode);
    }

    [Fact]
    public void Config_names_the_file_and_no_config_ignores_the_one_found()
    {
        _folder.Write("repo/.securemanifests.yaml", "profile: baseline\n");
        _folder.Write("elsewhere.yaml", "profile: baseline\nrules: {exclude: [privileged-container], include: [SM2001]}\n");

        Assert.Equal(["SM2001"], RuleIds(Repo, "k8s", null, "--config", "../elsewhere.yaml"));
        Assert.Contains("SM1008", RuleIds(Repo, "k8s", null, "--no-config"));
        var both = Tool.Run(Repo, ["lint", "k8s", "--config", "../elsewhere.yaml", "--no-config"]);
        Assert.Equal(ExitCodes.UsageOrInputError, both.ExitCode);
        Assert.Equal("error: --config and --no-config cannot be given together", both.ErrorLines[0]);
        var missing = Tool.Run(Repo, ["lint", "k8s", "--config", "nope.yaml"]);
        Assert.Equal("nope.yaml:1:1: error: no such config file", Assert.Single(missing.ErrorLines));
    }

    [Fact]
    public void Severity_secret_name_pattern_namespace_and_pss_version_take_effect()
    {
        _folder.Write("repo/k8s/env.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: {name: env}
            spec:
              containers:
              - name: c
                image: x:1
                env:
                - {name: DB_PASSWORD, value: hunter2}
                - {name: LICENCE_KEY, value: abc}
                livenessProbe:
                  httpGet: {host: 169.254.169.254, path: /, port: 80}
            """);
        _folder.Write("repo/.securemanifests.yaml", """
            profile: all
            pss-version: v1.33
            namespace: team-a
            rules:
              severity:
                SM2005: info
              secret-name-pattern: 'licence_key'
            """);

        var findings = Findings(Repo, "k8s/env.yaml");

        var secret = Assert.Single(findings, f => f.RuleId == "SM2005");
        Assert.Equal("spec.containers[0].env[1].value", secret.Path);
        Assert.Equal("info", secret.Severity);
        Assert.All(findings, f => Assert.Equal("team-a", f.Namespace));
        Assert.DoesNotContain(findings, f => f.RuleId is "SM4001" or "SM1017");
        Assert.Contains(Findings(Repo, "k8s/env.yaml", "--pss-version", "latest"), f => f.RuleId == "SM1017");
    }

    [Fact]
    public void Ignore_paths_leave_files_of_folder_walks_out_relative_to_the_config_folder()
    {
        _folder.Write("repo/k8s/vendor/a/pod.yaml", Manifests.PrivilegedPod.Replace("name: web", "name: vendored", StringComparison.Ordinal));
        _folder.Write("repo/k8s/generated.yaml", Manifests.PrivilegedPod.Replace("name: web", "name: generated", StringComparison.Ordinal));
        _folder.Write("repo/.securemanifests.yaml", "profile: baseline\nignore-paths: ['k8s/vendor/**', 'generated.yaml']\n");

        var walked = Tool.Run(Repo, ["lint", "."]);
        var named = Tool.Run(Repo, ["lint", "k8s/generated.yaml"]);

        Assert.Equal(["k8s/pod.yaml:14:7: error SM1001"], walked.OutputLines.Select(l => l[..l.IndexOf(':', l.IndexOf("SM", StringComparison.Ordinal))]).ToArray());
        Assert.StartsWith("2 files, 2 objects", walked.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Single(named.OutputLines);
    }

    [Fact]
    public void Pod_template_kinds_are_read_and_checked_with_the_engines_rules()
    {
        _folder.Write("repo/.securemanifests.yaml", """
            pod-template-kinds:
            - group: example.com
              kind: Widget
              path: spec.podTemplate
            - {group: '', kind: Gadget, path: spec.pod, shape: pod-spec}
            """);
        Assert.Equal(ExitCodes.Findings, Tool.Run(Repo, ["lint", "k8s/pod.yaml"]).ExitCode);

        _folder.Write("repo/.securemanifests.yaml", "pod-template-kinds:\n- {group: example.com/v1, kind: Widget, path: spec.podTemplate}\n");
        Assert.Equal(
            ".securemanifests.yaml:2:3: error: pod-template kind 'Widget': group 'example.com/v1' is an apiVersion; give its group only ('example.com'): a kind matches in every version of its group",
            Tool.Run(Repo, ["lint", "k8s"]).ErrorLines[0]);
        _folder.Write("repo/.securemanifests.yaml", "pod-template-kinds:\n- {group: a.io, kind: W, path: spec.t}\n- {group: a.io, kind: W, path: spec.u}\n");
        Assert.Equal(
            ".securemanifests.yaml:3:3: error: pod-template kind 'W' of group 'a.io' is already declared at line 2: declare each group and kind once",
            Tool.Run(Repo, ["lint", "k8s"]).ErrorLines[0]);
    }

    [Fact]
    public void A_declared_pod_template_kind_has_its_pod_checked_at_its_path_and_may_not_move_a_built_in_one()
    {
        _folder.Write("repo/.securemanifests.yaml", """
            pod-template-kinds:
            - {group: example.com, kind: Widget, path: spec.podTemplate}
            - {group: example.com, kind: Gadget, path: spec.pod, shape: pod-spec}
            """);
        _folder.Write("repo/custom/kinds.yaml", """
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w, namespace: shop}
            spec:
              podTemplate:
                spec:
                  containers:
                  - {name: w, image: 'registry.example.com/w:1.0', securityContext: {privileged: true}}
            ---
            apiVersion: example.com/v2
            kind: Gadget
            metadata: {name: g, namespace: shop}
            spec:
              pod:
                hostNetwork: true
                containers:
                - {name: g, image: 'registry.example.com/g:1.0'}
            """);

        var result = Tool.Run(Repo, ["lint", "custom", "--profile", "baseline"]);

        Assert.Equal(
            ["custom/kinds.yaml:8:74: error SM1001", "custom/kinds.yaml:15:5: error SM1002"],
            result.OutputLines.Select(l => l[..l.IndexOf(':', l.IndexOf("SM", StringComparison.Ordinal))]).ToArray());

        _folder.Write("repo/.securemanifests.yaml", "pod-template-kinds:\n- {group: argoproj.io, kind: Rollout, path: spec.pod}\n");
        Assert.Equal(
            ".securemanifests.yaml:2:3: error: pod-template kind Rollout (argoproj.io) at spec.pod is already declared as Rollout (argoproj.io) at spec.template: declare each group and kind once",
            Tool.Run(Repo, ["lint", "custom"]).ErrorLines[0]);
    }

    [Theory]
    [InlineData("profle: secure\n", "1:1: error: unknown key 'profle' in the config file (did you mean profile?); use profile, pss-version, fail-on, namespace, rules, ignore-paths, pod-template-kinds")]
    [InlineData("# a comment\nprofile: strict\n", "2:10: error: unknown profile 'strict'; use baseline, restricted, secure or all")]
    [InlineData("pss-version: v2.0\n", "1:14: error: unknown Pod Security Standards version 'v2.0'; use v1.0 to v1.37 or latest")]
    [InlineData("fail-on:\n", "1:9: error: fail-on needs a value (a word or a string)")]
    [InlineData("namespace: Team_A\n", "1:12: error: 'Team_A' is not a valid namespace name (lower-case letters, digits and '-', at most 63)")]
    [InlineData("rules:\n  include: [SM1001, SM9999]\n", "2:21: error: 'SM9999' is not a rule ID; `secure-manifests rules` lists them")]
    [InlineData("rules:\n  exclude: SM1001\n", "2:12: error: rules.exclude is a list of rule IDs or names, such as [SM2002]")]
    [InlineData("rules:\n  severity:\n    SM2001: fatal\n", "3:13: error: unknown severity 'fatal'; use error, warning or info")]
    [InlineData("rules:\n  sevrity: {}\n", "2:3: error: unknown key 'sevrity' in rules (did you mean severity?); use include, exclude, severity, secret-name-pattern")]
    [InlineData("rules:\n  secret-name-pattern: '(unclosed'\n", "2:24: error: '(unclosed' is not a valid regular expression")]
    [InlineData("ignore-paths: ['../outside/**']\n", "1:16: error: ignore pattern '../outside/**': patterns are relative to the config file's folder and cannot hold '.', '..' or '//'")]
    [InlineData("pod-template-kinds:\n- {kind: Widget, path: spec.t}\n", "2:3: error: a pod-template-kinds entry needs group (group is empty for the core API group)")]
    [InlineData("profile: [secure\n", "2:1: error: YAML syntax error:")]
    [InlineData("- profile\n", "1:1: error: the config file is a mapping of profile, pss-version, fail-on, namespace, rules, ignore-paths, pod-template-kinds")]
    public void A_bad_config_is_one_line_at_its_file_line_and_column_and_exit_2(string config, string expected)
    {
        _folder.Write("repo/.securemanifests.yaml", config);

        var result = Tool.Run(Repo, ["lint", "k8s"]);

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Empty(result.StandardOutput);
        Assert.StartsWith(".securemanifests.yaml:" + expected, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Config_init_writes_a_starter_that_loads_with_and_without_its_examples_and_refuses_to_overwrite()
    {
        var init = Tool.Run(Repo, ["config", "init"]);
        var again = Tool.Run(Repo, ["config", "init"]);

        Assert.Equal(ExitCodes.Success, init.ExitCode);
        Assert.Equal(ExitCodes.UsageOrInputError, again.ExitCode);
        Assert.Equal("error: .securemanifests.yaml exists already; give --force to overwrite it", Assert.Single(again.ErrorLines));
        var starter = File.ReadAllText(Path.Combine(Repo, ".securemanifests.yaml"));
        Assert.Equal(Tool.Run(Repo, ["lint", "k8s", "--no-config"]).StandardOutput, Tool.Run(Repo, ["lint", "k8s"]).StandardOutput);

        // Every commented example, uncommented, is a key the reader takes: explanations start with a capital letter.
        var examples = Regex.Replace(starter, "^( *)# ([a-z -])", "$1$2", RegexOptions.Multiline);
        Assert.Contains("\nnamespace: my-team\n", examples, StringComparison.Ordinal);
        Assert.Contains("\n    SM2001: error\n", examples, StringComparison.Ordinal);
        Assert.Contains("\npod-template-kinds:\n", examples, StringComparison.Ordinal);
        Assert.Contains("\ncrds:\n  - crds/widget.yaml\n", examples, StringComparison.Ordinal);
        _folder.Write("repo/crds/widget.yaml", CrdLintTests.WidgetCrd);
        File.WriteAllText(Path.Combine(Repo, ".securemanifests.yaml"), examples);
        var full = Tool.Run(Repo, ["lint", "k8s"]);
        Assert.True(full.ExitCode is ExitCodes.Success or ExitCodes.Findings, full.Describe());
        Assert.Equal(ExitCodes.Success, Tool.Run(Repo, ["config", "init", "--force"]).ExitCode);
        Assert.Equal(starter, File.ReadAllText(Path.Combine(Repo, ".securemanifests.yaml")));
    }

    private static List<string> RuleIds(string folder, string path, string? stdin = null, params string[] more) =>
        Findings(folder, path, stdin, more).Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal).ToList();

    private static List<(string RuleId, string Severity, string Path, string? Namespace)> Findings(string folder, string path, params string[] more) =>
        Findings(folder, path, null, more);

    private static List<(string RuleId, string Severity, string Path, string? Namespace)> Findings(string folder, string path, string? stdin, string[] more)
    {
        var result = Tool.Run(folder, ["lint", path, "--format", "json", .. more], stdin);
        Assert.True(result.ExitCode is ExitCodes.Success or ExitCodes.Findings, result.Describe());
        using var json = JsonDocument.Parse(result.StandardOutput);
        return json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("ruleId").GetString()!, f.GetProperty("severity").GetString()!, f.GetProperty("path").GetString()!, f.GetProperty("namespace").GetString()))
            .ToList();
    }
}
