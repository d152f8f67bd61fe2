using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using k8s.Models;
using SecureManifests;
using SecureManifests.Defaults;
using SecureManifests.Model;

namespace InsecureExamples;

/// <summary>
/// Every line marked "finding" is insecure on purpose. The analyzer test expects exactly these rule IDs;
/// keep the comment and the test in step when you change this file.
/// </summary>
public static class InsecureWorkloads
{
    private const string Registry = "registry.example.com/team";

    /// <summary>Raw KubernetesClient models.</summary>
    public static V1Pod RawPod() => new()
    {
        Metadata = new V1ObjectMeta { Name = "debug", NamespaceProperty = "default" },  // finding: SM4001
        Spec = new V1PodSpec
        {
            HostNetwork = true,                                                         // finding: SM1002
            AutomountServiceAccountToken = true,                                        // finding: SM1020
            Containers = new List<V1Container>
            {
                new()
                {
                    Name = "shell",
                    Image = $"{Registry}/toolbox:latest",                               // finding: SM2001
                    Ports = new List<V1ContainerPort> { new() { ContainerPort = 8080, HostPort = 8080 } }, // finding: SM1004
                    SecurityContext = new V1SecurityContext
                    {
                        Privileged = true,                                              // finding: SM1001
                        ReadOnlyRootFilesystem = false,                                 // finding: SM1019
                        Capabilities = new V1Capabilities
                        {
                            Drop = new List<string> { "ALL" },
                            Add = new List<string> { "SYS_ADMIN" },                     // finding: SM1005, SM1006
                        },
                    },
                },
            },
        },
    };

    /// <summary>A role that can do anything.</summary>
    public static V1PolicyRule EverythingRule() => new()
    {
        ApiGroups = new[] { "*" },                                                      // finding: SM3004
        Resources = new[] { "*" },                                                      // finding: SM3004 SM3006 SM3007 SM3012
        Verbs = new[] { "*" },                                                          // finding: SM3004 SM3005
    };

    /// <summary>The SDK, used insecurely.</summary>
    public static App SdkApp()
    {
        var app = new App("insecure");
        var ns = app.AddNamespace("insecure");
        ns.AddDeployment("api", "nginx:latest")                                         // finding: SM2001
            .WithEnv("DB_PASSWORD", "hunter2")                                          // finding: SM2005
            .WithPort("ssh", 22)                                                        // finding: SM2011
            .Allow(Relaxation.Privileged, "");                                          // finding: SM1001 (no reason)
        return app;
    }

    /// <summary>A suppression without a justification.</summary>
    [SuppressMessage("SecureManifests", "SM1009")]                                      // finding: SM0001
    public static V1SecurityContext RootUser() => new() { RunAsUser = 0 };
}
