using SecureManifests.Validation;

namespace SecureManifests.Model;

/// <summary>A node label that groups nodes into failure domains, for affinity and topology spread.</summary>
public sealed class Topology
{
    private Topology(string key) => Key = key;

    /// <summary>One node (<c>kubernetes.io/hostname</c>).</summary>
    public static Topology Hostname { get; } = new("kubernetes.io/hostname");

    /// <summary>A zone (<c>topology.kubernetes.io/zone</c>).</summary>
    public static Topology Zone { get; } = new("topology.kubernetes.io/zone");

    /// <summary>A region (<c>topology.kubernetes.io/region</c>).</summary>
    public static Topology Region { get; } = new("topology.kubernetes.io/region");

    /// <summary>The node label key, e.g. <c>topology.kubernetes.io/zone</c>.</summary>
    public string Key { get; }

    /// <summary>Any other node label, e.g. <c>example.com/rack</c>.</summary>
    public static Topology Custom(string labelKey)
    {
        Arguments.NotNull(labelKey, nameof(Topology));
        if (!KubernetesNames.IsQualifiedKey(labelKey))
        {
            throw new ArgumentException($"'{labelKey}' is not a valid node label key", nameof(labelKey));
        }

        return new Topology(labelKey);
    }

    /// <inheritdoc />
    public override string ToString() => Key;
}
