using k8s;
using SecureManifests.Rules;

namespace SecureManifests.Tests.Rules;

public sealed class EngineCoverageTests
{
    [Fact]
    public void Built_in_engine_implements_every_catalogue_rule()
    {
        var implemented = new RuleEngine().ImplementedRuleIds;

        Assert.Equal(RuleCatalog.All.Select(r => r.Id).Order(StringComparer.Ordinal), implemented);
    }

    [Fact]
    public void Set_rule_findings_come_out_in_object_order_whatever_the_namespaces()
    {
        // Pods of three namespaces, none isolated, given in an order unrelated to the namespace names.
        var objects = new IKubernetesObject[]
        {
            Deployment("zeta"), Deployment("alpha"), Deployment("mid"), Deployment("alpha", "second"),
        };

        var findings = new RuleEngine().Evaluate(objects, new RuleEngineOptions()).Where(f => f.RuleId == RuleIds.PodNotIsolated);

        Assert.Equal("zeta/api alpha/api mid/api alpha/second", string.Join(" ", findings.Select(f => f.Namespace + "/" + f.Name)));
    }

    private static k8s.Models.V1Deployment Deployment(string ns, string name = "api")
    {
        var deployment = TestObjects.SecureDeployment();
        deployment.Metadata.NamespaceProperty = ns;
        deployment.Metadata.Name = name;
        return deployment;
    }
}
