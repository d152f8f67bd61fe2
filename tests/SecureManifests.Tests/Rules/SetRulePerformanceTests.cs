using System.Diagnostics;
using k8s;
using k8s.Models;
using SecureManifests.Rules;
using Xunit.Abstractions;
using static SecureManifests.Tests.Rules.TestObjects;

namespace SecureManifests.Tests.Rules;

/// <summary>The cross-object rules stay near-linear: 10,000 documents with one policy per workload are checked in seconds.</summary>
public sealed class SetRulePerformanceTests
{
    private readonly ITestOutputHelper _output;

    public SetRulePerformanceTests(ITestOutputHelper output) => _output = output;

    /// <summary>Per workload: a Deployment, a Service, a NetworkPolicy selecting it with a peer, and an Ingress to it.</summary>
    private static List<IKubernetesObject> LargeSet(int workloads, int namespaces)
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
    public void Ten_thousand_documents_with_a_policy_per_workload_are_checked_in_seconds()
    {
        var objects = LargeSet(workloads: 2500, namespaces: 2);
        var engine = new RuleEngine();
        var options = new RuleEngineOptions { Profile = RuleProfile.All };
        engine.Evaluate(LargeSet(10, 2), options);

        var watch = Stopwatch.StartNew();
        var findings = engine.Evaluate(objects, options);
        watch.Stop();
        _output.WriteLine($"{objects.Count} documents, {findings.Count} findings, {watch.ElapsedMilliseconds} ms");

        // Every reference resolves and every object is secure, so nothing may fire, even with every rule on.
        Assert.Equal(10_000, objects.Count);
        Assert.True(findings.Count == 0, string.Join("\n", findings.Take(5)));
        // 1,250 pods and 1,250 policies per namespace: a pods x policies scan per check would be millions of
        // selector matches. The bound is loose because the machine is shared.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.ElapsedMilliseconds} ms");
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
