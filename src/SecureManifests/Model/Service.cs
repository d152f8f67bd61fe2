using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;
using SecureManifests.Defaults;
using SecureManifests.Validation;

namespace SecureManifests.Model;

/// <summary>
/// A Service in front of one workload, created with <see cref="Workload{TSelf}.Expose"/>: ClusterIP unless made
/// headless, or opened outside the cluster (NodePort, LoadBalancer; SM4005) with a written reason.
/// </summary>
public sealed class Service : ManifestObject
{
    private readonly List<(ContainerPortSpec Target, int Port)> _ports = [];
    private readonly List<string> _sourceRanges = [];
    private readonly List<ServiceMonitorEndpoint> _monitored = [];
    private string _type = "ClusterIP";
    private bool _headless;
    private string? _exposureReason;

    internal Service(Workload target, string name, string[] portNames)
        : base(target.App, target.Namespace, "Service", name, NameFormat.Label)
    {
        Target = target;
        if (target.Namespace.Defines("Service", name))
        {
            throw Invalid("metadata.name", $"Service '{name}' already exists in namespace '{target.Namespace.Name}'");
        }

        var ports = portNames.Length == 0
            ? target.Containers.SelectMany(c => c.Ports).ToList()
            : portNames.Select(p => target.ResolvePort(p, $"spec.ports[{p}]")).ToList();
        if (ports.Count == 0)
        {
            throw Invalid("spec.ports", $"{target.Reference} declares no ports to expose; add one with WithPort");
        }

        _ports.AddRange(ports.Select(p => (p, p.Number)));
    }

    /// <summary>The workload whose pods receive the traffic.</summary>
    public Workload Target { get; }

    /// <summary>Serves the named target port on another service port, e.g. 80 in front of container port 8080.</summary>
    public Service WithServicePort(string portName, int servicePort)
    {
        Arguments.NotNull(portName, Reference);
        var index = _ports.FindIndex(p => p.Target.Name == portName);
        if (index < 0)
        {
            throw Invalid($"spec.ports[{portName}]", $"port '{portName}' is not exposed by this Service");
        }

        if (servicePort is < 1 or > 65535)
        {
            throw Invalid($"spec.ports[{portName}].port", $"{servicePort} is outside 1-65535");
        }

        _ports[index] = (_ports[index].Target, servicePort);
        return this;
    }

    /// <summary>A headless Service (<c>clusterIP: None</c>): DNS returns the pod addresses instead of one virtual IP.</summary>
    public Service AsHeadless()
    {
        RequireType("headless", "AsHeadless");
        _headless = true;
        return this;
    }

    /// <summary>
    /// Opens the Service on a port of every node (type NodePort, SM4005). The reason is written as
    /// <c>securemanifests.io/ignore-SM4005</c>; prefer a ClusterIP Service behind an Ingress with TLS.
    /// </summary>
    public Service AsNodePort(string reason)
    {
        Arguments.NotNull(reason, Reference);
        RequireType("NodePort", "AsNodePort");
        _exposureReason = Reasons.Require(reason, Reference, "spec.type");
        _type = "NodePort";
        return this;
    }

    /// <summary>
    /// Opens the Service through a cloud load balancer (type LoadBalancer, SM4005), with the reason written as
    /// <c>securemanifests.io/ignore-SM4005</c>. <paramref name="sourceRanges"/> (CIDR blocks) limit who can reach it;
    /// the pods still need a NetworkPolicy rule for that traffic.
    /// </summary>
    public Service AsLoadBalancer(string reason, params string[] sourceRanges)
    {
        Arguments.NotNull(reason, Reference);
        Arguments.NoNulls(sourceRanges, Reference);
        RequireType("LoadBalancer", "AsLoadBalancer");
        foreach (var range in sourceRanges)
        {
            if (!Networking.Cidr.TryParse(range, out _))
            {
                throw Invalid($"spec.loadBalancerSourceRanges[{range}]", $"'{range}' is not a CIDR block such as 203.0.113.0/24");
            }
        }

        _exposureReason = Reasons.Require(reason, Reference, "spec.type");
        _type = "LoadBalancer";
        _sourceRanges.Clear();
        _sourceRanges.AddRange(sourceRanges);
        return this;
    }

    /// <summary>
    /// The typed escape hatch for what the SDK does not name: changes the emitted <c>V1Service</c> after every default is
    /// applied. The result is checked like everything else: an insecure change fails the synth unless a relaxation with
    /// a reason covers it.
    /// </summary>
    public Service Customize(Action<V1Service> change, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Arguments.NotNull(change, Reference);
        CustomizationsOf.Add(change, callerFile, callerLine);
        return this;
    }

    /// <summary>
    /// Has Prometheus scrape <paramref name="portName"/> of this Service: a ServiceMonitor (Prometheus Operator) named like
    /// the Service selects it by its labels and the port by name, and the workload's pods accept traffic on that port from
    /// <paramref name="prometheusNamespace"/>, and on no other. Call it once for each scraped port.
    /// </summary>
    /// <param name="portName">The Service port that serves the metrics.</param>
    /// <param name="path">The HTTP path of the metrics.</param>
    /// <param name="interval">How often to scrape, in whole milliseconds; Prometheus's own scrape interval when null.</param>
    /// <param name="prometheusNamespace">The namespace Prometheus runs in.</param>
    /// <returns>This Service.</returns>
    public Service Monitor(string portName, string path = "/metrics", TimeSpan? interval = null, string prometheusNamespace = "monitoring")
    {
        Arguments.NotNull(portName, Reference);
        Arguments.NotNull(path, Reference);
        Arguments.NotNull(prometheusNamespace, Reference);
        var monitor = $"{ServiceMonitorResource.KindName} {Target.Namespace.Name}/{Name}";
        var endpoint = $"spec.endpoints[{portName}]";
        if (!Exposes(portName))
        {
            throw new ManifestDefinitionException(monitor, endpoint + ".port", $"{Reference} does not expose port '{portName}'");
        }

        if (_monitored.Any(m => m.Port == portName))
        {
            throw new ManifestDefinitionException(monitor, endpoint, $"port '{portName}' is monitored twice");
        }

        if (path.Length == 0 || path[0] != '/')
        {
            throw new ManifestDefinitionException(monitor, endpoint + ".path", $"'{path}' must start with '/'");
        }

        if (interval is { } every && (every <= TimeSpan.Zero || every.Ticks % TimeSpan.TicksPerMillisecond != 0))
        {
            throw new ManifestDefinitionException(monitor, endpoint + ".interval", $"{every} is not a positive whole number of milliseconds");
        }

        if (!KubernetesNames.IsDns1123Label(prometheusNamespace))
        {
            throw new ManifestDefinitionException(monitor, "networkPolicy.ingress.from", $"'{prometheusNamespace}' is not a valid namespace name");
        }

        _monitored.Add(new ServiceMonitorEndpoint(portName, path, interval is { } value ? ServiceMonitorEndpoint.Duration(value) : null));
        Target.AddInbound(new InboundRule(null, prometheusNamespace, TargetPortOf(portName)));
        return this;
    }

    internal bool Exposes(string portName) => _ports.Any(p => p.Target.Name == portName);

    internal int ServicePortOf(string portName) => _ports.First(p => p.Target.Name == portName).Port;

    /// <summary>The workload's port behind the Service port <paramref name="portName"/>: what NetworkPolicies admit.</summary>
    internal ContainerPortSpec TargetPortOf(string portName) => _ports.First(p => p.Target.Name == portName).Target;

    internal override IEnumerable<IKubernetesObject> Emit()
    {
        yield return new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = ServiceMetadata(),
            Spec = new V1ServiceSpec
            {
                Type = _type,
                ClusterIP = _headless ? "None" : null,
                LoadBalancerSourceRanges = _sourceRanges.Count == 0 ? null : [.. _sourceRanges],
                Selector = new Dictionary<string, string>(Target.SelectorLabels, StringComparer.Ordinal),
                Ports = [.. _ports.Select(p => new V1ServicePort
                {
                    Name = p.Target.Name,
                    Port = p.Port,
                    TargetPort = p.Target.Name,
                    Protocol = p.Target.Protocol.ToApiValue(),
                })],
            },
        };
        if (_monitored.Count > 0)
        {
            yield return new ServiceMonitorResource
            {
                Metadata = Metadata(Name, instanceOf: Target.Name),
                Spec = new ServiceMonitorSpec(
                    new V1LabelSelector { MatchLabels = new Dictionary<string, string>(Target.SelectorLabels, StringComparer.Ordinal) },
                    [.. _monitored]),
            };
        }
    }

    private V1ObjectMeta ServiceMetadata()
    {
        var metadata = Metadata(Name, instanceOf: Target.Name);
        if (_exposureReason is not null)
        {
            metadata.Annotations = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [WellKnownAnnotations.IgnoreKey(Rules.RuleIds.ExposedService)] = _exposureReason,
            };
        }

        return metadata;
    }

    private void RequireType(string type, string method)
    {
        var current = _headless ? "headless" : _type;
        if (current != "ClusterIP" && current != type)
        {
            throw Invalid("spec.type", $"the Service is already {current}; {method} would make it {type}: choose one");
        }
    }
}
