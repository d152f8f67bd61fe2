using k8s.Models;
using SecureManifests;
using SecureManifests.Model;

namespace Platform;

/// <summary>
/// A platform team's shared services, as production clusters run them: an API gateway behind a cloud load balancer,
/// spread over zones and nodes and drained before it stops; a log agent on every Linux node, reading the node's logs
/// through a read-only host path in a namespace of its own; and a nightly Job that reports which node it ran on.
/// The cluster enforces the same rules at admission: the synth also writes the app's policies to <c>_admission/</c>.
/// </summary>
[ManifestApp]
public sealed class PlatformApp : App
{
    private const string Registry = "registry.example.com/platform";

    public PlatformApp()
        : base("platform")
    {
        Defaults.RunAsUser = 10001;
        Defaults.RunAsGroup = 10001;

        // The synth's profile and PSS version; the relaxations below (the load balancer, the log agent's host path)
        // become exemption labels on their own namespaces.
        EnforceAtAdmission();

        var edge = AddNamespace("edge");
        var pullSecret = edge.AddExternalSecret("registry-credentials");
        var routes = edge.AddConfigMap("gateway-routes")
            .With("GATEWAY_UPSTREAM_TIMEOUT", "15s")
            .With("GATEWAY_LOG_FORMAT", "json");

        var gateway = edge.AddDeployment("gateway", $"{Registry}/gateway:3.2.1")
            .WithComponent("gateway")
            .WithPort("https", 8443)
            .WithPort("metrics", 9090)
            .WithEnvFrom(routes)
            .WithEnvFromField("POD_NAME", EnvFieldPath.PodName)
            .WithEnvFromResource("GOMAXPROCS", ResourceFieldPath.CpuLimit)
            .WithResources(cpu: "500m", memory: "256Mi", memoryLimit: "512Mi", cpuLimit: "2")
            .WithWritablePath("/tmp")
            .WithReadinessProbe(Probe.Http("/ready", "metrics"))
            .WithLivenessProbe(Probe.Http("/healthz", "metrics"))
            .WithReplicas(3)
            .WithRollingUpdate(maxSurge: PercentOrAbsolute.Absolute(1), maxUnavailable: PercentOrAbsolute.Absolute(0))
            .WithRevisionHistoryLimit(5)
            .WithDisruptionBudget(minAvailable: 2)
            .SpreadAcross(Topology.Zone)
            .WithPriorityClass("platform-critical")
            .WithImagePullSecret(pullSecret)
            .WithImagePullPolicy(ImagePullPolicy.IfNotPresent)
            .WithPreStop(LifecycleHandler.Sleep(TimeSpan.FromSeconds(10)))
            .WithTerminationGracePeriod(TimeSpan.FromSeconds(40))
            .WithPodAnnotation("prometheus.io/port", "9090")
            .AllowFromCidr("0.0.0.0/0", "https")
            .AllowFromNamespace("monitoring", "metrics");
        gateway.SeparateFrom(gateway, Topology.Hostname, weight: 100);

        gateway.Expose("https")
            .WithServicePort("https", 443)
            .AsLoadBalancer("the gateway is the cluster's only public entry; TLS ends in the gateway, ticket NET-118")
            // The SDK does not name externalTrafficPolicy: Local keeps client addresses for the gateway's rate limits.
            .Customize(service => service.Spec.ExternalTrafficPolicy = "Local");

        var logging = AddNamespace("logging");
        logging.AddDaemonSet("log-agent", $"{Registry}/log-agent:1.9.4")
            .WithComponent("logging")
            .WithNodeSelector("kubernetes.io/os", "linux")
            .Tolerate("node-role.kubernetes.io/control-plane", effect: TaintEffect.NoSchedule)
            .Tolerate("dedicated", "gpu", TaintEffect.NoSchedule)
            .WithHostPathVolume("/var/log", "/host/var/log", "the agent ships node and container logs; mounted read-only, ticket OBS-31")
            .WithPort("metrics", 2020)
            .WithEnvFromField("NODE_NAME", EnvFieldPath.NodeName)
            .WithResources(cpu: "50m", memory: "64Mi", memoryLimit: "128Mi")
            .WithWritablePath("/var/lib/log-agent")
            .WithPriorityClass("system-node-critical")
            .WithImagePullSecret(logging.AddExternalSecret("registry-credentials"))
            .WithRevisionHistoryLimit(3)
            .AllowEgressTo("10.20.0.0/16", 443)
            .AllowFromNamespace("monitoring", "metrics");

        var jobs = AddNamespace("jobs");
        jobs.AddJob("node-inventory", $"{Registry}/node-inventory:0.4.0")
            .WithComponent("reporting")
            .WithArgs("--once")
            .WithEnvFromField("NODE_NAME", EnvFieldPath.NodeName)
            .WithEnvFromField("POD_NAMESPACE", EnvFieldPath.PodNamespace)
            .WithEnvFromResource("MEMORY_LIMIT_MB", ResourceFieldPath.MemoryLimit, divisor: "1Mi")
            .WithBackoffLimit(2)
            .WithDeadline(TimeSpan.FromMinutes(10))
            .Tolerate("dedicated", "batch", TaintEffect.NoSchedule)
            .AttractTo("node.kubernetes.io/lifecycle", ["spot"], weight: 100)
            .WithWritablePath("/tmp");
    }
}
