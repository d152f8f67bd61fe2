using SecureManifests.Validation;

namespace SecureManifests.Defaults;

/// <summary>
/// Requests and limits applied to every container that does not set its own. There is no CPU limit by default:
/// CPU limits throttle latency-sensitive services while memory limits protect the node.
/// </summary>
public sealed class ResourceProfile
{
    /// <summary>The built-in profile: 100m CPU and 128Mi memory requested, 256Mi memory limit.</summary>
    public static ResourceProfile Standard { get; } = new("100m", "128Mi", "256Mi");

    public ResourceProfile(string cpuRequest, string memoryRequest, string memoryLimit, string? cpuLimit = null)
    {
        Arguments.NotNull(cpuRequest, nameof(ResourceProfile), member: "new ResourceProfile");
        Arguments.NotNull(memoryRequest, nameof(ResourceProfile), member: "new ResourceProfile");
        Arguments.NotNull(memoryLimit, nameof(ResourceProfile), member: "new ResourceProfile");
        CpuRequest = Require(cpuRequest, nameof(cpuRequest));
        MemoryRequest = Require(memoryRequest, nameof(memoryRequest));
        MemoryLimit = Require(memoryLimit, nameof(memoryLimit));
        CpuLimit = cpuLimit is null ? null : Require(cpuLimit, nameof(cpuLimit));
    }

    public string CpuRequest { get; }

    public string MemoryRequest { get; }

    public string MemoryLimit { get; }

    /// <summary>Null (the default) leaves CPU unlimited.</summary>
    public string? CpuLimit { get; }

    private static string Require(string value, string parameter)
    {
        if (!Quantities.IsValid(value) || Quantities.IsNegative(value))
        {
            throw new ArgumentException(
                $"'{value}' is not a valid resource quantity for {parameter}; write e.g. 250m, 0.5, 128Mi or 1Gi", parameter);
        }

        return value;
    }
}
