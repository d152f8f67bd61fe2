using SecureManifests.Analyzers.Tests.Infrastructure;

namespace SecureManifests.Analyzers.Tests.Engine;

/// <summary>
/// The same insecure setting, in an app defined with the SDK, is flagged by the analyzer in the C# source and
/// by the rule engine in the object graph that the same source builds when it runs, under the same rule ID.
/// Each case compiles one program, runs the analyzers over it, executes it, and checks the result with the engine.
/// </summary>
public sealed class AnalyzerEngineAgreementTests
{
    // A pod that passes every pod-security rule; each case changes exactly one setting.
    private const string Program = """
        using System.Collections.Generic;
        using k8s;
        using k8s.Models;
        using SecureManifests;

        public static class Definition
        {
            public static IReadOnlyList<IKubernetesObject> Build()
            {
                var app = new App("agree");
                app.AddNamespace("agree");
                app.Add(new V1Pod
                {
                    ApiVersion = "v1",
                    Kind = "Pod",
                    Metadata = new V1ObjectMeta { Name = "p", NamespaceProperty = "agree" },
                    Spec = new V1PodSpec
                    {
                        AutomountServiceAccountToken = false,
                        ServiceAccountName = "p",
                        SecurityContext = new V1PodSecurityContext { RunAsNonRoot = true, RunAsUser = 10001, SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" } /*POD_SC*/ },
                        /*POD*/
                        Containers = new List<V1Container>
                        {
                            new V1Container
                            {
                                Name = "c",
                                Image = "registry.example.com/c:1.0",
                                Resources = new V1ResourceRequirements
                                {
                                    Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new ResourceQuantity("100m"), ["memory"] = new ResourceQuantity("64Mi") },
                                    Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new ResourceQuantity("128Mi") },
                                },
                                SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false, ReadOnlyRootFilesystem = true, Capabilities = new V1Capabilities { Drop = new List<string> { "ALL" } /*CAPS*/ } /*SC*/ },
                                /*CONTAINER*/
                            },
                        },
                    },
                });
                return app.Build();
            }
        }
        """;

    public static TheoryData<string, string, string> Cases => new()
    {
        { "SM1001", "/*SC*/", ", Privileged = true" },
        { "SM1002", "/*POD*/", "HostNetwork = true," },
        { "SM1003", "/*POD*/", "Volumes = new List<V1Volume> { new V1Volume { Name = \"h\", HostPath = new V1HostPathVolumeSource { Path = \"/etc\" } } }," },
        { "SM1004", "/*CONTAINER*/", "Ports = new List<V1ContainerPort> { new V1ContainerPort { ContainerPort = 8080, HostPort = 8080 } }," },
        { "SM1005", "/*CAPS*/", ", Add = new List<string> { \"SYS_ADMIN\" }" },
        { "SM1006", "Drop = new List<string> { \"ALL\" }", "Drop = new List<string> { \"NET_RAW\" }" },
        { "SM1007", "AllowPrivilegeEscalation = false", "AllowPrivilegeEscalation = true" },
        { "SM1008", "RunAsNonRoot = true", "RunAsNonRoot = false" },
        { "SM1009", "RunAsUser = 10001", "RunAsUser = 0" },
        { "SM1010", "Type = \"RuntimeDefault\"", "Type = \"Unconfined\"" },
        { "SM1012", "/*POD_SC*/", ", AppArmorProfile = new V1AppArmorProfile { Type = \"Unconfined\" }" },
        { "SM1013", "/*SC*/", ", SeLinuxOptions = new V1SELinuxOptions { Type = \"spc_t\" }" },
        { "SM1014", "/*SC*/", ", ProcMount = \"Unmasked\"" },
        { "SM1015", "/*POD_SC*/", ", Sysctls = new List<V1Sysctl> { new V1Sysctl { Name = \"kernel.msgmax\", Value = \"65536\" } }" },
        { "SM1016", "/*SC*/", ", WindowsOptions = new V1WindowsSecurityContextOptions { HostProcess = true }" },
        { "SM1017", "/*CONTAINER*/", "LivenessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Port = 8080, Host = \"10.0.0.1\" } }," },
        { "SM1018", "/*POD*/", "Volumes = new List<V1Volume> { new V1Volume { Name = \"n\", Nfs = new V1NFSVolumeSource { Server = \"nfs\", Path = \"/x\" } } }," },
        { "SM1019", "ReadOnlyRootFilesystem = true", "ReadOnlyRootFilesystem = false" },
        { "SM1020", "AutomountServiceAccountToken = false", "AutomountServiceAccountToken = true" },
    };

    [Fact]
    public async Task The_secure_baseline_is_clean_for_both()
    {
        var (analyzer, engine) = await RunBothAsync(Program);
        Assert.Empty(analyzer);
        Assert.Empty(engine);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Analyzer_and_engine_report_the_same_rule(string ruleId, string find, string replace)
    {
        Assert.Contains(find, Program, StringComparison.Ordinal);
        var source = Program.Replace(find, replace, StringComparison.Ordinal);

        var (analyzer, engine) = await RunBothAsync(source);

        Assert.Contains(ruleId, analyzer);
        Assert.Contains(ruleId, engine);
        Assert.True(analyzer.IsSubsetOf(engine), $"analyzer reported {string.Join(", ", analyzer.Except(engine))} that the engine did not");
    }

    private static async Task<(HashSet<string> Analyzer, HashSet<string> Engine)> RunBothAsync(string source)
    {
        var program = CompiledProgram.Compile(source);
        var analyzerIds = (await program.AnalyzeAsync()).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var engineIds = program.Evaluate()
            .Where(f => f.Kind == "Pod")
            .Select(f => f.RuleId)
            .ToHashSet(StringComparer.Ordinal);
        return (analyzerIds, engineIds);
    }
}
