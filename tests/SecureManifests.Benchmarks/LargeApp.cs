using SecureManifests;

namespace SecureManifests.Benchmarks;

/// <summary>
/// The benchmark workload from the SDK issue: N Deployments, each with its Service, ServiceAccount and an
/// ingress NetworkPolicy (from the ingress controller's namespace), spread over ten namespaces.
/// </summary>
public class LargeApp : App
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

/// <summary>
/// LargeApp's objects from a class of another name. Every file's header names the generating class, so this app's
/// tree has LargeApp's paths with different bytes in every file: writing one over the other is a full rewrite.
/// </summary>
public sealed class RenamedLargeApp(int deployments) : LargeApp(deployments);
