using System.Collections.Concurrent;
using k8s.Models;
using SecureManifests.Output;

namespace SecureManifests.Model;

/// <summary>
/// Quantities as the user wrote them (<see cref="VerbatimQuantity"/>). Parsing a KubernetesClient quantity is
/// expensive and an app repeats the same few values thousands of times, so parsed instances are shared; they are
/// never mutated after construction.
/// </summary>
internal static class Quantity
{
    private const int MaxCached = 4096;
    private static readonly ConcurrentDictionary<string, ResourceQuantity> Cache = new(StringComparer.Ordinal);

    public static ResourceQuantity Of(string value)
    {
        if (Cache.TryGetValue(value, out var cached))
        {
            return cached;
        }

        var parsed = new VerbatimQuantity(value);
        if (Cache.Count < MaxCached)
        {
            Cache.TryAdd(value, parsed);
        }

        return parsed;
    }
}
