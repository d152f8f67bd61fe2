using System.Text.Json;
using SecureManifests.Cli.Tests.Infrastructure;
using SecureManifests.Tests.Referees;

namespace SecureManifests.Cli.Tests;

/// <summary>
/// Stray files in folders (a workflow, a values file, a Helm template) are skipped, not unreadable, unless --strict;
/// no object at all is exit 2 unless --allow-empty; --kustomize renders with the real kubectl.
/// </summary>
public sealed class LintInputSkipTests : IDisposable
{
    private const string Workflow = "name: CI\non: [push]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n";
    private const string HelmTemplate = "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n{{- if .Values.ports }}\nspec: {}\n{{- end }}\n";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Files_without_objects_in_a_folder_are_skipped_with_a_line_each_and_a_count()
    {
        _folder.Write("k8s/pod.yaml", Manifests.PrivilegedPod);
        _folder.Write("k8s/.github-ci.yml", Workflow);
        _folder.Write("k8s/ci.yml", Workflow);
        _folder.Write("k8s/values.yaml", "replicas: 3\nimage: {tag: latest}\n");
        _folder.Write("k8s/templates/svc.yaml", HelmTemplate);
        _folder.Write("k8s/empty.yaml", "# nothing yet\n");

        var text = Tool.Run(_folder.FullPath, ["lint", "k8s", "--profile", "baseline"]);
        var json = Tool.Run(_folder.FullPath, ["lint", "k8s", "--profile", "baseline", "--format", "json"]);

        Assert.Equal(ExitCodes.Findings, text.ExitCode);
        Assert.Equal(
            [
                "k8s/ci.yml: skipped: no Kubernetes object in it (no document has a kind)",
                "k8s/empty.yaml: skipped: no Kubernetes object in it (it is empty)",
                "k8s/templates/svc.yaml: skipped: a template, not a manifest (it holds '{{'): lint what it renders, e.g. helm template ... | secure-manifests lint -",
                "k8s/values.yaml: skipped: no Kubernetes object in it (no document has a kind)",
                "5 files, 1 object: 1 error, 0 warnings, 0 info; 4 files skipped",
            ],
            text.ErrorLines);
        using var document = JsonDocument.Parse(json.StandardOutput);
        Assert.Equal(4, document.RootElement.GetProperty("summary").GetProperty("skipped").GetInt32());
        Assert.Equal("k8s/ci.yml", document.RootElement.GetProperty("skipped")[0].GetProperty("file").GetString());
        Assert.Empty(document.RootElement.GetProperty("readErrors").EnumerateArray());
    }

    [Fact]
    public void Strict_makes_them_errors_and_files_named_on_the_command_line_are_skipped_like_folder_files_but_stdin_is_not()
    {
        _folder.Write("k8s/pod.yaml", Manifests.PrivilegedPod);
        _folder.Write("k8s/ci.yml", Workflow);
        _folder.Write("k8s/empty.yaml", string.Empty);

        var strict = Tool.Run(_folder.FullPath, ["lint", "k8s", "--profile", "baseline", "--strict"]);
        var named = Tool.Run(_folder.FullPath, ["lint", "k8s/pod.yaml", "k8s/ci.yml", "--profile", "baseline"]);

        Assert.Equal(ExitCodes.UsageOrInputError, strict.ExitCode);
        Assert.Equal(
            ["k8s/ci.yml:1:1: error: document 1: not a Kubernetes object: missing apiVersion and kind", "k8s/empty.yaml:1:1: error: no Kubernetes object in this file (--strict)"],
            strict.ErrorLines.Take(2).ToArray());
        Assert.Equal(ExitCodes.Findings, named.ExitCode);
        Assert.Equal("k8s/ci.yml: skipped: no Kubernetes object in it (no document has a kind)", named.ErrorLines[0]);
        var namedStrict = Tool.Run(_folder.FullPath, ["lint", "k8s/pod.yaml", "k8s/ci.yml", "--profile", "baseline", "--strict"]);
        Assert.Equal(ExitCodes.UsageOrInputError, namedStrict.ExitCode);
        Assert.Equal("k8s/ci.yml:1:1: error: document 1: not a Kubernetes object: missing apiVersion and kind", namedStrict.ErrorLines[0]);
        var piped = Tool.Run(_folder.FullPath, ["lint", "-", "k8s/pod.yaml", "--profile", "baseline"], stdin: Workflow);
        Assert.Equal(ExitCodes.UsageOrInputError, piped.ExitCode);
        Assert.Equal("-:1:1: error: document 1: not a Kubernetes object: missing apiVersion and kind", piped.ErrorLines[0]);
    }

    [Fact]
    public void A_file_with_objects_keeps_its_errors_and_a_broken_manifest_is_no_stray_file()
    {
        _folder.Write("k8s/mixed.yaml", "replicas: 3\n---\n" + Manifests.PrivilegedPod);
        _folder.Write("k8s/broken.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: [x\n");

        var result = Tool.Run(_folder.FullPath, ["lint", "k8s", "--profile", "baseline"]);

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.StartsWith("k8s/broken.yaml:", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal("k8s/mixed.yaml:1:1: error: document 1: not a Kubernetes object: missing apiVersion and kind", result.ErrorLines[1]);
        Assert.Single(result.OutputLines);
    }

    [Fact]
    public void No_object_at_all_is_exit_2_unless_allow_empty()
    {
        _folder.Write("empty/.keep.yaml", string.Empty);
        _folder.Write("stray/values.yaml", "replicas: 3\n");

        var emptyFolder = Tool.Run(_folder.FullPath, ["lint", "empty"]);
        var strayOnly = Tool.Run(_folder.FullPath, ["lint", "stray", "--format", "json"]);
        var emptyStdin = Tool.Run(_folder.FullPath, ["lint", "-"], string.Empty);
        var allowed = Tool.Run(_folder.FullPath, ["lint", "stray", "--allow-empty"]);

        Assert.Equal(ExitCodes.UsageOrInputError, emptyFolder.ExitCode);
        Assert.Equal(
            ["error: no Kubernetes object found in the input; give manifests, or --allow-empty when an empty input is fine", "0 files, 0 objects: 0 errors, 0 warnings, 0 info"],
            emptyFolder.ErrorLines);
        Assert.Equal(ExitCodes.UsageOrInputError, strayOnly.ExitCode);
        Assert.StartsWith("error: no Kubernetes object found", Assert.Single(strayOnly.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(0, JsonDocument.Parse(strayOnly.StandardOutput).RootElement.GetProperty("summary").GetProperty("documents").GetInt32());
        Assert.Equal(ExitCodes.UsageOrInputError, emptyStdin.ExitCode);
        Assert.Equal(ExitCodes.Success, allowed.ExitCode);
        Assert.Equal("1 file, 0 objects: 0 errors, 0 warnings, 0 info; 1 file skipped", allowed.ErrorLines[^1]);
    }

    [KubectlFact]
    public void Kustomize_renders_the_folder_with_kubectl_and_lints_the_rendered_stream()
    {
        _folder.Write("base/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: shop\nresources: [pod.yaml]\n");
        _folder.Write("base/pod.yaml", Manifests.PrivilegedPod.Replace("  namespace: shop\n", string.Empty, StringComparison.Ordinal));
        var path = new Dictionary<string, string> { ["PATH"] = Environment.GetEnvironmentVariable("PATH")! };

        var result = Tool.Run(_folder.FullPath, ["lint", "--kustomize", "base", "--profile", "baseline"], terminal: false, path);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        // kustomize set the namespace; the position is in the rendered stream.
        Assert.Matches(@"^kustomize:base:\d+:\d+: error SM1001: .* \[Pod/shop/web\]$", Assert.Single(result.OutputLines));
    }

    [KubectlFact]
    public void Kustomize_errors_are_one_line_with_kustomizes_first_error_and_exit_2()
    {
        _folder.Write("bad/kustomization.yaml", "resources: [missing.yaml]\n");
        var path = new Dictionary<string, string> { ["PATH"] = Environment.GetEnvironmentVariable("PATH")! };

        var failed = Tool.Run(_folder.FullPath, ["lint", "--kustomize", "bad"], terminal: false, path);
        var noKubectl = Tool.Run(_folder.FullPath, ["lint", "--kustomize", "bad"], terminal: false, new Dictionary<string, string> { ["PATH"] = _folder.FullPath });

        Assert.Equal(ExitCodes.UsageOrInputError, failed.ExitCode);
        Assert.Matches(@"^kustomize:bad:1:1: error: kubectl kustomize failed \(exit 1\): .*missing\.yaml", failed.ErrorLines[0]);
        Assert.Equal(ExitCodes.UsageOrInputError, noKubectl.ExitCode);
        Assert.Equal("kustomize:bad:1:1: error: --kustomize needs kubectl on PATH (it runs `kubectl kustomize DIR`); install kubectl, or pipe `kustomize build DIR | secure-manifests lint -`", noKubectl.ErrorLines[0]);
    }
}
