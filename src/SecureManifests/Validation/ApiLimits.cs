#nullable enable
using System.Collections.Generic;
using System.Text;

namespace SecureManifests.Validation;

/// <summary>
/// Size limits the Kubernetes API server enforces (k8s.io/apimachinery validation and the core API), checked when an
/// app is defined so that an object the API server would refuse never reaches the YAML.
/// </summary>
internal static class ApiLimits
{
    /// <summary>All annotations of one object, keys and values together, in bytes (<c>TotalAnnotationSizeLimitB</c>).</summary>
    public const int TotalAnnotationBytes = 256 * 1024;

    /// <summary>A ConfigMap's data, keys and values together, in bytes (<c>MaxSecretSize</c>, which ConfigMaps share).</summary>
    public const int ConfigMapDataBytes = 1024 * 1024;

    /// <summary>The size the API server counts for a string map: the UTF-8 bytes of every key and value.</summary>
    public static long SizeOf(IEnumerable<KeyValuePair<string, string>> entries)
    {
        long total = 0;
        foreach (var entry in entries)
        {
            total += Encoding.UTF8.GetByteCount(entry.Key) + Encoding.UTF8.GetByteCount(entry.Value ?? string.Empty);
        }

        return total;
    }
}
