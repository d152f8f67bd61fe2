using SecureManifests;

namespace SecureManifests.Benchmarks;

/// <summary>
/// The benchmark workload from the SDK issue: N Deployments, each with its Service, ServiceAccount and an
/// ingress NetworkPolicy (from the ingress controller's namespace), spread over ten namespaces.
/// </summary>
public sealed class LargeApp : App
{
    public LargeApp(int deployments)
        : base("large")
    {
        var namespaces = Enumerable.Range(0, 10).Select(i => AddNamespace($"team-{i}")).ToArray();
        for (var i = 0; i < deployments; i++)
        {
            namespaces[i % namespaces.Length].AddDeployment($"service-{i}", $"ghcr.io/acme/service-{i}:1.0.{i}")
                .WithPort("http", 8080)
                .WithWritablePath("/tmp")
                .WithReadinessProbe(Model.Probe.Http("/healthz", "http"))
                .AllowFromNamespace("ingress-nginx", "http")
                .Expose();
        }
    }
}
