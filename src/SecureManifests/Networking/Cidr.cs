using System.Net;
using System.Net.Sockets;

namespace SecureManifests.Networking;

/// <summary>An IPv4 or IPv6 address block in CIDR notation.</summary>
internal readonly record struct Cidr(IPAddress Network, int PrefixLength)
{
    /// <summary>The link-local cloud metadata endpoint, which must never be reachable by accident (SM4010).</summary>
    public static readonly IPAddress MetadataEndpoint = IPAddress.Parse(Rules.Semantics.CloudMetadata.Address);

    public static bool TryParse(string? text, out Cidr cidr)
    {
        cidr = default;
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash <= 0 || !IPAddress.TryParse(text![..slash], out var address) ||
            !int.TryParse(text[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix))
        {
            return false;
        }

        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (prefix > bits)
        {
            return false;
        }

        cidr = new Cidr(address, prefix);
        return true;
    }

    public bool Contains(IPAddress address)
    {
        if (address.AddressFamily != Network.AddressFamily)
        {
            return false;
        }

        var network = Network.GetAddressBytes();
        var candidate = address.GetAddressBytes();
        var remaining = PrefixLength;
        for (var i = 0; i < network.Length && remaining > 0; i++, remaining -= 8)
        {
            var mask = remaining >= 8 ? 0xFF : (byte)(0xFF << (8 - remaining));
            if ((network[i] & mask) != (candidate[i] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
