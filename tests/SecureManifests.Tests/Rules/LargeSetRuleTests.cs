using k8s;
using k8s.Models;
using SecureManifests.Rules;
using static SecureManifests.Tests.Rules.TestObjects;

namespace SecureManifests.Tests.Rules;

/// <summary>The cross-object rules on a large, fully consistent set: 10,000 documents with one policy per workload.</summary>
public sealed class LargeSetRuleTests
{
    /// <summary>Per workload: a Deployment, a Service, a NetworkPolicy selecting it with a peer, and an Ingress to it.</summary>
    internal static List<IKubernetesObject> LargeSet(int workloads, int namespaces)
    {
        var objects = new List<IKubernetesObject>(workloads * 4);
        for (var i = 0; i < workloads; i++)
        {
            var ns = "team-" + (i % namespaces).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var name = "app-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var peer = "app-" + (i < namespaces ? i : i - namespaces).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = name, ["tier"] = "web" };

            var deployment = SecureDeployment();
            deployment.Metadata.Name = name;
            deployment.Metadata.NamespaceProperty = ns;
            deployment.Spec.Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string>(labels) };
            deployment.Spec.Template.Metadata.Labels = labels;
            objects.Add(deployment);

            var meta = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = AppLabels() };
            objects.Add(new V1Service
            {
                ApiVersion = "v1", Kind = "Service", Metadata = meta,
                Spec = new V1ServiceSpec { Selector = new Dictionary<string, string>(labels), Ports = new List<V1ServicePort> { new() { Name = "http", Port = 80 } } },
            });
            objects.Add(new V1NetworkPolicy
            {
                ApiVersion = "networking.k8s.io/v1", Kind = "NetworkPolicy", Metadata = meta,
                Spec = new V1NetworkPolicySpec
                {
                    PodSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string>(labels) },
                    PolicyTypes = new List<string> { "Ingress", "Egress" },
                    Ingress = new List<V1NetworkPolicyIngressRule>
                    {
                        new() { FromProperty = new List<V1NetworkPolicyPeer> { new() { PodSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = peer } } } } },
                    },
                },
            });
            objects.Add(new V1Ingress
            {
                ApiVersion = "networking.k8s.io/v1", Kind = "Ingress", Metadata = meta,
                Spec = new V1IngressSpec
                {
                    Tls = new List<V1IngressTLS> { new() { Hosts = new List<string> { name + ".example.com" }, SecretName = "tls" } },
                    DefaultBackend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = name, Port = new V1ServiceBackendPort { Name = "http" } } },
                },
            });
        }

        return objects;
    }

    [Fact]
    public void Ten_thousand_consistent_documents_yield_no_finding_with_every_rule_on()
    {
        var objects = LargeSet(workloads: 2500, namespaces: 2);

        var findings = new RuleEngine().Evaluate(objects, new RuleEngineOptions { Profile = RuleProfile.All });

        // Every reference resolves and every object is secure, so nothing may fire. How fast this runs is measured by
        // the engine benchmark in tests/SecureManifests.Benchmarks, not here: shared machines make timed tests flaky.
        Assert.Equal(10_000, objects.Count);
        Assert.True(findings.Count == 0, string.Join("\n", findings.Take(5)));
    }

    [Fact]
    public void Dangling_references_are_still_found_in_a_large_set()
    {
        var objects = LargeSet(workloads: 2500, namespaces: 2);
        var service = (V1Service)objects[4 * 1234 + 1];
        service.Spec.Selector["app.kubernetes.io/name"] = "typo";

        var findings = new RuleEngine().Evaluate(objects, new RuleEngineOptions()).Where(f => f.RuleId == RuleIds.DanglingService).ToList();

        Assert.Equal("team-0/app-1234", Assert.Single(findings).Namespace + "/" + findings[0].Name);
    }
}
