using System.Text.RegularExpressions;
using SecureManifests.Cli.Tests.Infrastructure;
using SecureManifests.Tests.Infrastructure;
using SecureManifests.Tests.Referees;
using YamlDotNet.RepresentationModel;

namespace SecureManifests.Cli.Tests;

/// <summary>
/// The pipeline recipes users copy stay true: every <c>secure-manifests lint</c> command in <c>docs/pipelines.md</c>
/// runs as written on a folder with one insecure Pod, the reports it writes pass their referees, and the pre-commit
/// hook of <c>.pre-commit-hooks.yaml</c> works the way pre-commit calls it (every staged YAML file by name).
/// </summary>
public sealed partial class PipelineDocsTests : IDisposable
{
    private const string Workflow = "name: CI\non: [push]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [KubectlFact]
    public void Every_lint_command_of_the_pipelines_page_runs_as_written()
    {
        _folder.Write("deploy/base/pod.yaml", Manifests.PrivilegedPod);
        _folder.Write("deploy/base/kustomization.yaml", "resources:\n- pod.yaml\n");
        _folder.Write("deploy/overlays/prod/kustomization.yaml", "resources:\n- ../../base\n");
        // --kustomize runs the kubectl on PATH; a CI runner's terminal is no terminal.
        var path = new Dictionary<string, string> { ["PATH"] = Environment.GetEnvironmentVariable("PATH")! };
        var commands = LintCommands(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "pipelines.md")));

        // GitHub, GitLab, helm, kustomize, write a baseline, use it.
        Assert.Equal(6, commands.Count);
        foreach (var command in commands)
        {
            var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
            var result = Tool.Run(_folder.FullPath, args, terminal: false, path, stdin: args[^1] == "-" ? Manifests.PrivilegedPod : null);

            // Writing a baseline records the findings; using it then leaves none new. Every other recipe finds the Pod.
            var expected = command.Contains("baseline", StringComparison.Ordinal) ? ExitCodes.Success : ExitCodes.Findings;
            Assert.True(expected == result.ExitCode, result.Describe());
            foreach (var report in args.Where(a => a.Contains('=', StringComparison.Ordinal)))
            {
                var (format, file) = (report.Split('=')[0], report.Split('=')[1]);
                var written = File.ReadAllText(Path.Combine(_folder.FullPath, file));
                var (code, output) = format == "sarif" ? SarifReferee.Validate(written) : JunitReferee.Validate(written);
                Assert.True(code == 0, $"{command}: {file}: {output}");
            }
        }
    }

    [Fact]
    public void The_pre_commit_hook_lints_the_staged_manifests_and_skips_other_yaml()
    {
        var hook = PreCommitHook();
        Assert.Equal("secure-manifests-lint", hook["id"]);
        Assert.Equal("system", hook["language"]);
        var files = new Regex(hook["files"], RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.True(files.IsMatch("deploy/pod.yaml") && files.IsMatch("a.yml") && files.IsMatch("b.json") && !files.IsMatch("README.md"));
        var entry = hook["entry"].Split(' ');
        Assert.Equal("secure-manifests", entry[0]);
        _folder.Write("deploy/pod.yaml", Manifests.PrivilegedPod);
        _folder.Write(".github/workflows/ci.yml", Workflow);

        // pre-commit passes the staged files by name.
        var both = Tool.Run(_folder.FullPath, [.. entry[1..], ".github/workflows/ci.yml", "deploy/pod.yaml"]);
        var workflowOnly = Tool.Run(_folder.FullPath, [.. entry[1..], ".github/workflows/ci.yml"]);

        Assert.True(both.ExitCode == ExitCodes.Findings, both.Describe());
        Assert.Contains(".github/workflows/ci.yml: skipped: no Kubernetes object in it (no document has a kind)", both.ErrorLines);
        Assert.Contains(both.OutputLines, line => line.StartsWith("deploy/pod.yaml:", StringComparison.Ordinal));
        Assert.True(workflowOnly.ExitCode == ExitCodes.Success, workflowOnly.Describe());
    }

    /// <summary>The <c>secure-manifests lint</c> commands in the page's code blocks, after a pipe or a YAML <c>run:</c>.</summary>
    private static List<string> LintCommands(string markdown)
    {
        var commands = new List<string>();
        var inCode = false;
        foreach (var raw in markdown.Split('\n'))
        {
            if (raw.StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
                continue;
            }

            var match = LintCommand().Match(raw);
            if (inCode && match.Success)
            {
                commands.Add(match.Groups["command"].Value.Trim());
            }
        }

        return commands;
    }

    private static Dictionary<string, string> PreCommitHook()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(TestPaths.RepositoryRoot, ".pre-commit-hooks.yaml")))
        {
            stream.Load(reader);
        }

        var hooks = (YamlSequenceNode)stream.Documents[0].RootNode;
        var hook = (YamlMappingNode)Assert.Single(hooks.Children);
        return hook.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => p.Value is YamlScalarNode s ? s.Value! : p.Value.ToString(), StringComparer.Ordinal);
    }

    // `secure-manifests lint ...` up to a comment, wherever it starts on the line (`run: `, `- `, after `| `).
    [GeneratedRegex(@"(?:^|\|\s*|run:\s*|-\s+)(?<command>secure-manifests lint [^#]*)", RegexOptions.None, 1000)]
    private static partial Regex LintCommand();
}
