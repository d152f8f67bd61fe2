using k8s;
using k8s.Models;

namespace SecureManifests.Model;

/// <summary>A ClusterIP Service in front of one workload, created with <see cref="Workload{TSelf}.Expose"/>.</summary>
public sealed class Service : ManifestObject
{
    private readonly List<(ContainerPortSpec Target, int Port)> _ports = [];

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

    internal bool Exposes(string portName) => _ports.Any(p => p.Target.Name == portName);

    internal int ServicePortOf(string portName) => _ports.First(p => p.Target.Name == portName).Port;

    internal override IEnumerable<IKubernetesObject> Emit()
    {
        yield return new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = Metadata(Name, instanceOf: Target.Name),
            Spec = new V1ServiceSpec
            {
                Type = "ClusterIP",
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
}
