using k8s.Models;

namespace SecureManifests.Rules;

/// <summary>
/// The <c>securemanifests.io/ignore-&lt;ID&gt;</c> annotations of one object (and of its pod template).
/// A waiver counts only with a non-blank reason; blank ones are kept so the engine can report them.
/// </summary>
internal sealed class Waivers
{
    internal static readonly Waivers None = new(null, null);

    private readonly Dictionary<string, string>? _reasons;

    private Waivers(Dictionary<string, string>? reasons, List<BlankWaiver>? blank)
    {
        _reasons = reasons;
        Blank = (IReadOnlyList<BlankWaiver>?)blank ?? Array.Empty<BlankWaiver>();
    }

    /// <summary>Waiver annotations whose reason is empty or whitespace: they waive nothing.</summary>
    public IReadOnlyList<BlankWaiver> Blank { get; }

    /// <summary>Every rule waived with a reason, and the reason, in rule-ID order.</summary>
    public IEnumerable<(string RuleId, string Reason)> Reasons =>
        _reasons is null ? [] : _reasons.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value));

    /// <summary>The reason <paramref name="ruleId"/> is waived on this object, or null when it is not.</summary>
    public string? ReasonFor(string ruleId) =>
        _reasons is not null && _reasons.TryGetValue(ruleId, out var reason) ? reason : null;

    internal static Waivers Read(V1ObjectMeta? metadata, string metadataPath, V1ObjectMeta? podMetadata, string podMetadataPath)
    {
        Dictionary<string, string>? reasons = null;
        List<BlankWaiver>? blank = null;
        Collect(metadata, metadataPath, ref reasons, ref blank);
        if (podMetadata is not null && !ReferenceEquals(podMetadata, metadata))
        {
            Collect(podMetadata, podMetadataPath, ref reasons, ref blank);
        }

        return reasons is null && blank is null ? None : new Waivers(reasons, blank);
    }

    private static void Collect(
        V1ObjectMeta? metadata, string metadataPath, ref Dictionary<string, string>? reasons, ref List<BlankWaiver>? blank)
    {
        if (metadata?.Annotations is not { Count: > 0 } annotations)
        {
            return;
        }

        foreach (var (key, value) in annotations)
        {
            if (key is null || !key.StartsWith(WellKnownAnnotations.IgnorePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var ruleId = key[WellKnownAnnotations.IgnorePrefix.Length..];
            if (string.IsNullOrWhiteSpace(value))
            {
                (blank ??= new List<BlankWaiver>()).Add(new BlankWaiver(ruleId, key, metadataPath + ".annotations[" + key + "]"));
            }
            else
            {
                reasons ??= new Dictionary<string, string>(StringComparer.Ordinal);
                reasons.TryAdd(ruleId, value.Trim());
            }
        }

        // Annotation dictionaries have no defined order; sort so findings come out the same every run.
        blank?.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
    }
}

/// <summary>A waiver annotation without a reason.</summary>
/// <param name="RuleId">The rule it names.</param>
/// <param name="Key">The annotation key.</param>
/// <param name="Path">Where it is, such as <c>metadata.annotations[securemanifests.io/ignore-SM1019]</c>.</param>
internal sealed record BlankWaiver(string RuleId, string Key, string Path);
