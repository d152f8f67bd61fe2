using System.Globalization;

namespace SecureManifests.Rules.Checks;

/// <summary>An IPv4 CIDR block such as <c>10.0.0.0/8</c>, for containment tests on NetworkPolicy ipBlocks.</summary>
internal readonly record struct Ipv4Block(uint Network, int PrefixLength)
{
    /// <summary>The cloud instance metadata endpoint.</summary>
    public static readonly uint MetadataEndpoint = Address(
        (byte)Semantics.CloudMetadata.Octets[0], (byte)Semantics.CloudMetadata.Octets[1], (byte)Semantics.CloudMetadata.Octets[2], (byte)Semantics.CloudMetadata.Octets[3]);

    /// <summary>Parses <c>a.b.c.d/n</c>; false for IPv6 and for anything malformed.</summary>
    public static bool TryParse(string? text, out Ipv4Block block)
    {
        block = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text.Trim() : text[..slash].Trim();
        var prefix = 32;
        if (slash >= 0 && (!int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > 32))
        {
            return false;
        }

        var parts = addressText.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        uint address = 0;
        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || !byte.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var octet))
            {
                return false;
            }

            address = (address << 8) | octet;
        }

        block = new Ipv4Block(address & Mask(prefix), prefix);
        return true;
    }

    /// <summary>Whether <paramref name="address"/> is inside the block.</summary>
    public bool Contains(uint address) => (address & Mask(PrefixLength)) == Network;

    private static uint Address(byte a, byte b, byte c, byte d) => ((uint)a << 24) | ((uint)b << 16) | ((uint)c << 8) | d;

    private static uint Mask(int prefix) => prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
}
