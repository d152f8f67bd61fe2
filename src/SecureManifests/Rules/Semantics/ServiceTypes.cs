#nullable enable
using System;

namespace SecureManifests.Rules.Semantics;

/// <summary>Service types as SM4005 judges them.</summary>
internal static class ServiceTypes
{
    public const string ClusterIP = "ClusterIP";

    /// <summary>A type that opens the Service outside the cluster.</summary>
    public static bool IsExposed(string? type) =>
        string.Equals(type, "NodePort", StringComparison.Ordinal) || string.Equals(type, "LoadBalancer", StringComparison.Ordinal);
}
