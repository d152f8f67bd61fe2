extern alias sdk;

using System.Reflection;
using SecureManifests.Analyzers.Tests.Infrastructure;
using ManifestDefinitionException = sdk::SecureManifests.ManifestDefinitionException;

namespace SecureManifests.Analyzers.Tests.Sdk;

/// <summary>
/// What the SDK rejects when an app is defined is reported at the literal while typing, under the build's ID
/// (SM0106) and with the text of the SDK's own exception: each case is analyzed, then run.
/// </summary>
public sealed class DefinitionAnalyzerTests
{
    private const string Program = """
        using System.Collections.Generic;
        using k8s;
        using SecureManifests;
        using SecureManifests.Model;

        public static class Definition
        {
            public static IReadOnlyList<IKubernetesObject> Build()
            {
                var app = new App("shop");
                var ns = app.AddNamespace("shop");
                /*CALL*/
                return app.Build();
            }
        }
        """;

    [Theory]
    [InlineData("new App(\"Shop\").Build();", "name")]
    [InlineData("app.AddNamespace(\"shop_ns\");", "name")]
    [InlineData("ns.AddDeployment(\"API\", \"ghcr.io/acme/api:1.0\");", "name")]
    [InlineData("ns.AddDeployment(\"api\", \"ghcr.io/Acme/api:1.0\");", "image")]
    [InlineData("ns.AddDeployment(\"api\", \"ghcr.io/acme/api:1.0\").WithPort(\"http\", 70000);", "port")]
    [InlineData("ns.AddDeployment(\"api\", \"ghcr.io/acme/api:1.0\").WithPort(\"http_port\", 8080);", "name")]
    [InlineData("ns.AddDeployment(\"api\", \"ghcr.io/acme/api:1.0\").WithResources(cpu: \"2 cores\");", "cpu")]
    [InlineData("ns.AddDeployment(\"api\", \"ghcr.io/acme/api:1.0\").WithEnv(\"A=B\", \"x\");", "name")]
    [InlineData("ns.AddDeployment(\"api\", \"ghcr.io/acme/api:1.0\").WithEnv(\"GREETING\", \"hello\\0world\");", "value")]
    [InlineData("ns.AddDeployment(\"api\", \"ghcr.io/acme/api:1.0\").WithWritablePath(\"tmp\");", "path")]
    [InlineData("ns.AddCronJob(\"nightly\", \"every night\", \"ghcr.io/acme/job:1.0\");", "schedule")]
    [InlineData("ns.AddConfigMap(\"Settings\");", "name")]
    [InlineData("ns.AddHttpRoute(\"Shop\", new GatewayReference(\"gateway-system\", \"public\"), []);", "name")]
    [InlineData("ns.AddDeployment(\"api\", \"ghcr.io/acme/api:1.0\");\n        ns.AddJob(\"api\", \"ghcr.io/acme/migrate:1.0\");", "name")]
    [InlineData("app.AddNamespace(\"shop\");", "name")]
    [InlineData("ns.AddDeployment(\"api\", \"ghcr.io/acme/api:1.0\").WithPodLabel(\"team/owner/x\", \"web\");", "key")]
    [InlineData("ns.AddDeployment(\"api\", \"ghcr.io/acme/api:1.0\").WithNodeSelector(\"disk\", \"fast ssd\");", "value")]
    public async Task A_literal_the_SDK_rejects_is_SM0106_with_the_SDK_text(string call, string parameter)
    {
        var program = CompiledProgram.Compile(Program.Replace("/*CALL*/", call, StringComparison.Ordinal));

        var diagnostic = Assert.Single((await program.AnalyzeAsync()).Where(d => d.Id == "SM0106"));
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith(parameter + ": ", message, StringComparison.Ordinal);

        var thrown = Assert.Throws<TargetInvocationException>(() => program.Evaluate()).InnerException;
        var rejected = Assert.IsType<ManifestDefinitionException>(thrown);
        Assert.EndsWith(message[(parameter.Length + 2)..], rejected.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ns.AddDeployment(\"api\", \"ghcr.io/acme/api:1.0\").WithPort(\"http\", 8080).WithResources(cpu: \"250m\", memory: \"64Mi\");")]
    [InlineData("ns.AddCronJob(\"nightly\", \"0 3 * * *\", \"ghcr.io/acme/job:1.0\").WithWritablePath(\"/tmp\", \"64Mi\");")]
    [InlineData("var name = System.Environment.GetEnvironmentVariable(\"NAME\") ?? \"api\"; ns.AddDeployment(name, \"ghcr.io/acme/api:1.0\");")]
    [InlineData("ns.AddDeployment(\"api\", \"ghcr.io/acme/api:1.0\");\n        app.AddNamespace(\"other\").AddDeployment(\"api\", \"ghcr.io/acme/api:1.0\");")]
    public async Task Valid_or_unknown_values_are_not_reported(string call)
    {
        var program = CompiledProgram.Compile(Program.Replace("/*CALL*/", call, StringComparison.Ordinal));

        Assert.DoesNotContain(await program.AnalyzeAsync(), d => d.Id == "SM0106");
    }
}
