#nullable enable
namespace SecureManifests.Rules.Semantics;

/// <summary>The resource names SM2003 (requests) and SM2004 (memory limit) look for.</summary>
internal static class ContainerResources
{
    public const string Cpu = "cpu";
    public const string Memory = "memory";
}
