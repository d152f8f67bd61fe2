using SecureManifests.Cli.Tests.Infrastructure;
using SecureManifests.Tests.Infrastructure;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests;

/// <summary>
/// Pod templates of custom kinds through lint, as a user runs it: a kind no list knows has its pod checked once its CRD
/// is known (among the inputs, wherever it stands, on stdin before the objects, with <c>--crd</c>, or with the config's
/// <c>crds:</c>), and a CRD file lint cannot honour is one error line and exit 2.
/// </summary>
public sealed class CrdLintTests : IDisposable
{
    /// <summary>A CRD of a kind no list knows, Widget of example.com, whose pod template is at spec.podTemplate (line 20).</summary>
    internal static readonly string WidgetCrd = InlineCrd.Widget(
        "{type: object, properties: {podTemplate: {type: object, properties: {metadata: {type: object, x-kubernetes-preserve-unknown-fields: true}, " +
        "spec: {type: object, required: [containers], x-kubernetes-preserve-unknown-fields: true, properties: {containers: {type: array, items: " +
        "{type: object, x-kubernetes-preserve-unknown-fields: true, properties: {name: {type: string}, image: {type: string}}}}}}}}}}");

    private const string PrivilegedWidget = """
        apiVersion: example.com/v1
        kind: Widget
        metadata:
          name: gadget
          namespace: shop
        spec:
          podTemplate:
            metadata:
              labels: {app: gadget}
            spec:
              containers:
              - name: gadget
                image: registry.example.com/gadget:1.0.0
                securityContext:
                  privileged: true

        """;

    private const string PrivilegedLine = "15:";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private CliResult Lint(params string[] args) => Tool.Run(_folder.FullPath, ["lint", .. args, "--profile", "baseline", "--no-config"]);

    private static string? Privileged(CliResult result) =>
        result.OutputLines.SingleOrDefault(l => l.Contains(" error SM1001: ", StringComparison.Ordinal));

    [Fact]
    public void Without_its_CRD_a_Widget_is_not_known_to_hold_a_pod()
    {
        _folder.Write("widget.yaml", PrivilegedWidget);

        var result = Lint("widget.yaml");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Describe());
        Assert.Null(Privileged(result));
    }

    [Fact]
    public void With_crd_its_privileged_pod_is_flagged_at_the_field()
    {
        _folder.Write("widget.yaml", PrivilegedWidget);
        _folder.Write("crds/widget.yaml", WidgetCrd);

        var result = Lint("widget.yaml", "--crd", "crds/widget.yaml");
        var json = Lint("widget.yaml", "--crd", "crds/widget.yaml", "--format", "json");

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.StartsWith("widget.yaml:" + PrivilegedLine, Privileged(result), StringComparison.Ordinal);
        Assert.Contains("\"path\":\"spec.podTemplate.spec.containers[0].securityContext.privileged\"", json.StandardOutput.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_CRD_among_the_inputs_counts_even_when_it_is_read_after_the_objects()
    {
        _folder.Write("app/a-widget.yaml", PrivilegedWidget);
        _folder.Write("app/z-crd.yaml", WidgetCrd);

        var result = Lint("app");

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.StartsWith("app/a-widget.yaml:" + PrivilegedLine, Privileged(result), StringComparison.Ordinal);
    }

    [Fact]
    public void A_CRD_on_stdin_counts_for_the_objects_after_it()
    {
        var result = Tool.Run(_folder.FullPath, ["lint", "-", "--profile", "baseline", "--no-config"], WidgetCrd + "---\n" + PrivilegedWidget);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.StartsWith("-:" + (WidgetCrd.Split('\n').Length + 15) + ":", Privileged(result), StringComparison.Ordinal);
    }

    [Fact]
    public void The_configs_crds_are_relative_to_the_config_file()
    {
        _folder.Write("repo/.securemanifests.yaml", "profile: baseline\ncrds:\n  - platform/crds/widget.yaml\n");
        _folder.Write("repo/platform/crds/widget.yaml", WidgetCrd);
        _folder.Write("repo/apps/widget.yaml", PrivilegedWidget);

        var result = Tool.Run(Path.Combine(_folder.FullPath, "repo", "apps"), ["lint", "widget.yaml"]);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.StartsWith("widget.yaml:" + PrivilegedLine, Privileged(result), StringComparison.Ordinal);
    }

    [CrdFact]
    public void The_Argo_Rollouts_CRD_given_with_crd_finds_a_privileged_Rollout_at_its_line()
    {
        _folder.Write("rollout.yaml", """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata:
              name: web
              namespace: shop
            spec:
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: web
                    image: registry.example.com/web:1.4.2
                    securityContext:
                      privileged: true
            """);

        var result = Lint("rollout.yaml", "--crd", Path.Combine(TestPaths.SharedCrds, "argo-rollouts", "rollout-crd.yaml"));

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.StartsWith("rollout.yaml:17:", Privileged(result), StringComparison.Ordinal);
        Assert.EndsWith("in container 'web': set it to false [Rollout/shop/web]", Privileged(result), StringComparison.Ordinal);
    }

    [Fact]
    public void A_CRD_file_with_a_problem_is_one_error_line_at_its_place_and_nothing_is_linted()
    {
        _folder.Write("widget.yaml", PrivilegedWidget);
        _folder.Write("ref.yaml", WidgetCrd.Replace("podTemplate: {", "podTemplate: {$ref: '#/definitions/pod', ", StringComparison.Ordinal));
        _folder.Write("deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n");
        _folder.Write("broken.yaml", "kind: [\n");

        Assert.Equal(
            ["ref.yaml:20:65: error: $ref is not allowed in a CRD schema; inline the referenced schema"],
            Lint("widget.yaml", "--crd", "ref.yaml").ErrorLines);
        Assert.Equal(["missing.yaml:1:1: error: no such CRD file"], Lint("widget.yaml", "--crd", "missing.yaml").ErrorLines);
        Assert.Equal(["deployment.yaml:1:1: error: no CustomResourceDefinition (apiextensions.k8s.io/v1) in this file"], Lint("widget.yaml", "--crd", "deployment.yaml").ErrorLines);
        var broken = Lint("widget.yaml", "--crd", "broken.yaml");
        Assert.Equal(ExitCodes.UsageOrInputError, broken.ExitCode);
        Assert.StartsWith("broken.yaml:", Assert.Single(broken.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(broken.StandardOutput);
    }

    [Fact]
    public void A_CRD_that_puts_a_declared_kinds_pod_elsewhere_is_an_error_at_the_CRD()
    {
        _folder.Write(".securemanifests.yaml", "pod-template-kinds:\n  - {group: example.com, kind: Widget, path: spec.template}\n");
        _folder.Write("crd.yaml", WidgetCrd);
        _folder.Write("widget.yaml", PrivilegedWidget);

        var result = Tool.Run(_folder.FullPath, ["lint", "widget.yaml", "--crd", "crd.yaml"]);

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Equal(
            "crd.yaml:1:1: error: pod-template kind Widget (example.com) at spec.podTemplate is already declared as Widget (example.com) at spec.template: declare each group and kind once",
            Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void A_blank_crd_entry_of_the_config_is_an_error_at_its_line()
    {
        _folder.Write(".securemanifests.yaml", "crds:\n  - ''\n");
        _folder.Write("widget.yaml", PrivilegedWidget);

        var result = Tool.Run(_folder.FullPath, ["lint", "widget.yaml"]);

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Equal(".securemanifests.yaml:2:5: error: --crd needs a file", Assert.Single(result.ErrorLines));
    }
}
