using System.Text.RegularExpressions;

namespace SecureManifests.Packaging.Tests;

/// <summary>
/// The code fixes through a real client: <c>dotnet format analyzers</c> on a consumer that takes the package from
/// the feed fixes every fixable finding in one run, including several in one initializer.
/// </summary>
public sealed partial class DotnetFormatTests : IDisposable
{
    private const string DebugPod = """
        using System.Collections.Generic;
        using k8s.Models;

        namespace Fixable;

        public static class DebugPods
        {
            public static V1Pod Build() => new V1Pod
            {
                Metadata = new V1ObjectMeta { Name = "debug", NamespaceProperty = "tools" },
                Spec = new V1PodSpec
                {
                    HostNetwork = true,
                    HostPID = true,
                    AutomountServiceAccountToken = true,
                    Containers = new List<V1Container>
                    {
                        new V1Container
                        {
                            Name = "shell",
                            Image = "busybox:1.36",
                            SecurityContext = new V1SecurityContext
                            {
                                Privileged = true,
                                AllowPrivilegeEscalation = true,
                                ReadOnlyRootFilesystem = false,
                                RunAsUser = 0,
                                Capabilities = new V1Capabilities { Add = new List<string> { "SYS_ADMIN" } },
                            },
                        },
                    },
                },
            };
        }
        """;

    private static readonly string[] Fixable = ["SM1001", "SM1002", "SM1005", "SM1006", "SM1007", "SM1009", "SM1019", "SM1020"];

    private readonly ConsumerWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void One_dotnet_format_run_fixes_every_fixable_finding()
    {
        _workspace.AddProject("classlib", "Fixable", ("DebugPods.cs", DebugPod));
        var project = Path.Combine(_workspace.Root, "Fixable", "Fixable.csproj");
        var before = _workspace.Dotnet("build", project, "-nodeReuse:false", "-tl:off", "-p:UseSharedCompilation=false");
        Assert.Equal(Fixable, RuleIds(before.StandardOutput));

        _workspace.Dotnet(["format", "analyzers", project, "--diagnostics", .. Fixable, "--severity", "info"]).AssertSucceeded();

        var after = _workspace.Dotnet("build", project, "-nodeReuse:false", "-tl:off", "-p:UseSharedCompilation=false", "--no-incremental");
        after.AssertSucceeded();
        Assert.Empty(RuleIds(after.StandardOutput));
        var source = File.ReadAllText(Path.Combine(_workspace.Root, "Fixable", "DebugPods.cs"));
        Assert.Contains("Privileged = false", source, StringComparison.Ordinal);
        Assert.Contains("HostPID = false", source, StringComparison.Ordinal);
        Assert.Contains("Drop = new[] { \"ALL\" }", source, StringComparison.Ordinal);
        Assert.DoesNotContain("RunAsUser", source, StringComparison.Ordinal);
        Assert.DoesNotContain("SYS_ADMIN", source, StringComparison.Ordinal);
    }

    /// <summary>The distinct SecureManifests rule IDs a build printed, sorted.</summary>
    private static string[] RuleIds(string output) =>
        BuildDiagnostic().Matches(output).Select(m => m.Groups["id"].Value).Distinct().Order(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"\b(?:warning|error) (?<id>SM\d{4}):")]
    private static partial Regex BuildDiagnostic();
}
