using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;
using SecureManifests.Defaults;

namespace SecureManifests.Model;

/// <summary>
/// A Service in front of one workload, created with <see cref="Workload{TSelf}.Expose"/>: ClusterIP unless made
/// headless, or opened outside the cluster (NodePort, LoadBalancer; SM4005) with a written reason.
/// </summary>
public sealed class Service : ManifestObject
{
    private readonly List<(ContainerPortSpec Target, int Port)> _ports = [];
    private readonly List<string> _sourceRanges = [];
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

    internal bool Exposes(string portName) => _ports.Any(p => p.Target.Name == portName);

    internal int ServicePortOf(string portName) => _ports.First(p => p.Target.Name == portName).Port;

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
