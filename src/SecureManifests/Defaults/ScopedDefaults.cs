namespace SecureManifests.Defaults;

/// <summary>
/// Defaults for one scope: the app, a namespace or a workload. Anything left unset here is taken from the
/// enclosing scope, and finally from the built-in secure defaults.
/// </summary>
public sealed class ScopedDefaults
{
    private readonly ScopedDefaults? _parent;
    private readonly string _scope;
    private readonly SortedDictionary<Relaxation, string> _relaxations = [];

    internal ScopedDefaults(string scope, ScopedDefaults? parent)
    {
        _scope = scope;
        _parent = parent;
    }

    /// <summary>Requests and limits for containers that set none. Built-in: <see cref="ResourceProfile.Standard"/>.</summary>
    public ResourceProfile? Resources { get; set; }

    /// <summary>The pod's <c>runAsUser</c>. Unset leaves it to the image, which must then not be root.</summary>
    public long? RunAsUser { get; set; }

    /// <summary>The pod's <c>runAsGroup</c>.</summary>
    public long? RunAsGroup { get; set; }

    /// <summary>The pod's <c>fsGroup</c>. When set, secret files are mounted 0440 instead of 0400 so the group can read them.</summary>
    public long? FsGroup { get; set; }

    /// <summary>Seconds a finished Job is kept before it is garbage-collected. Built-in: one day.</summary>
    public int? JobTtlSecondsAfterFinished { get; set; }

    /// <summary>Gives up a secure default for everything in this scope, with a reason that is written to the output.</summary>
    public ScopedDefaults Allow(Relaxation relaxation, string reason)
    {
        Arguments.NotNull(reason, _scope);
        _relaxations[relaxation] = Reasons.Require(reason, _scope, $"Allow({relaxation})");
        return this;
    }

    internal ResourceProfile ResolveResources() => Resources ?? _parent?.ResolveResources() ?? ResourceProfile.Standard;

    internal long? ResolveRunAsUser() => RunAsUser ?? _parent?.ResolveRunAsUser();

    internal long? ResolveRunAsGroup() => RunAsGroup ?? _parent?.ResolveRunAsGroup();

    internal long? ResolveFsGroup() => FsGroup ?? _parent?.ResolveFsGroup();

    internal int ResolveJobTtl() => JobTtlSecondsAfterFinished ?? _parent?.ResolveJobTtl() ?? 86_400;

    /// <summary>Every relaxation in force here, innermost reason first, in a stable order.</summary>
    internal SortedDictionary<Relaxation, string> ResolveRelaxations()
    {
        var resolved = _parent?.ResolveRelaxations() ?? [];
        foreach (var (relaxation, reason) in _relaxations)
        {
            resolved[relaxation] = reason;
        }

        return resolved;
    }
}
