namespace SecureManifests.Model;

/// <summary>Traffic a workload accepts on one of its ports: from another workload, or from a whole namespace.</summary>
internal sealed record InboundRule(Workload? FromWorkload, string? FromNamespace, ContainerPortSpec Port, string? FromCidr = null);

/// <summary>Traffic a workload sends outside the app, to an address block.</summary>
internal sealed record OutboundRule(string Cidr, int Port, PortProtocol Protocol);
