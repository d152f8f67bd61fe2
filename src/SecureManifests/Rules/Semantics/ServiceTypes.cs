#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;

namespace SecureManifests.Rules.Semantics;

/// <summary>Service types as SM4005 judges them.</summary>
internal static class ServiceTypes
{
    public const string ClusterIP = "ClusterIP";

    /// <summary>The types that open a Service outside the cluster, sorted.</summary>
    public static readonly IReadOnlyList<string> Exposed = new[] { "LoadBalancer", "NodePort" };

    /// <summary>A type that opens the Service outside the cluster.</summary>
    public static bool IsExposed(string? type) => type is not null && Exposed.Contains(type, StringComparer.Ordinal);
}
