namespace SecureManifests.Model;

/// <summary>The transport protocol of a container port.</summary>
public enum PortProtocol
{
    Tcp,
    Udp,
    Sctp,
}

internal static class PortProtocolNames
{
    public static string ToApiValue(this PortProtocol protocol) => protocol switch
    {
        PortProtocol.Udp => "UDP",
        PortProtocol.Sctp => "SCTP",
        _ => "TCP",
    };
}
