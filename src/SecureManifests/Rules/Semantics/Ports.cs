#nullable enable
using System;

namespace SecureManifests.Rules.Semantics;

/// <summary>Container ports as the workload rules judge them (SM1004, SM2011, SM2012).</summary>
internal static class Ports
{
    public const int Ssh = 22;

    /// <summary>The protocol a port declares when it names none.</summary>
    public const string DefaultProtocol = "TCP";

    /// <summary>Whether <paramref name="protocol"/> (unset: TCP) is TCP.</summary>
    public static bool IsTcp(string? protocol) => string.IsNullOrEmpty(protocol) || string.Equals(protocol, DefaultProtocol, StringComparison.OrdinalIgnoreCase);

    /// <summary>Port 22 over TCP (SM2011).</summary>
    public static bool IsSsh(long? port, string? protocol) => port == Ssh && IsTcp(protocol);

    /// <summary>The lowest and highest privileged ports: binding them needs root or NET_BIND_SERVICE (SM2012).</summary>
    public const int LowestPrivileged = 1;
    public const int HighestPrivileged = 1023;

    /// <summary>A port below 1024, which needs root or NET_BIND_SERVICE to bind (SM2012).</summary>
    public static bool IsPrivileged(long? port) => port is >= LowestPrivileged and <= HighestPrivileged;

    /// <summary>A host port other than 0 (SM1004).</summary>
    public static bool IsHostPortSet(long? hostPort) => hostPort is not null && hostPort != 0;
}
