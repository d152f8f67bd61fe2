#nullable enable
using System.Collections.Generic;

namespace SecureManifests.Rules.Semantics;

/// <summary>The link-local cloud instance metadata endpoint (SM4010): the SDK excepts it, lint and admission look for it.</summary>
internal static class CloudMetadata
{
    /// <summary>The IPv4 address of the endpoint.</summary>
    public const string Address = "169.254.169.254";

    /// <summary>Its four octets, most significant first.</summary>
    public static IReadOnlyList<int> Octets { get; } = new[] { 169, 254, 169, 254 };
}
