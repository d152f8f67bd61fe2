using k8s;
using SecureManifests.Model;
using SecureManifests.Rules;

namespace SecureManifests.Synthesis;

/// <summary>
/// For each finding of a synth, the C# call it comes from: the call that set the offending field, else the call that
/// created the object. The build step reports findings there; the app class is only the fallback.
/// </summary>
internal sealed class FindingSources
{
    public static readonly FindingSources None = new(new Dictionary<Finding, SourceLocation>(ReferenceEqualityComparer.Instance));

    private readonly Dictionary<Finding, SourceLocation> _sources;

    private FindingSources(Dictionary<Finding, SourceLocation> sources) => _sources = sources;

    public static FindingSources Of(IReadOnlyList<Finding> findings, IReadOnlyList<(IKubernetesObject Object, Func<string, SourceLocation?> Locate)> traced)
    {
        var sources = new Dictionary<Finding, SourceLocation>(ReferenceEqualityComparer.Instance);
        foreach (var finding in findings)
        {
            if (finding.ObjectIndex >= 0 && finding.ObjectIndex < traced.Count && traced[finding.ObjectIndex].Locate(finding.Path) is { } at)
            {
                sources[finding] = at;
            }
        }

        return new FindingSources(sources);
    }

    /// <summary>Where <paramref name="finding"/> comes from, or null when the code that made it passed no caller information.</summary>
    public SourceLocation? Of(Finding finding) => _sources.TryGetValue(finding, out var at) ? at : null;
}
