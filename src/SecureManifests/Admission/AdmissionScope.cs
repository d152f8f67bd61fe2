namespace SecureManifests.Admission;

/// <summary>
/// The namespaces an app's bindings select, instead of every namespace (the CLI's): the app's own; and the app's
/// names for its policies, so that apps sharing a cluster, and the CLI's set, never replace each other's. A rule whose
/// binding cannot exempt by label (SM4007 judges Namespace objects, which a namespaceSelector matches by their own
/// labels, so a label would exempt the object itself) leaves out the namespaces whose Namespace object the app waives
/// from it: that exemption is then written in the binding, which the cluster admin applies.
/// </summary>
internal sealed class AdmissionScope
{
    /// <summary>Why a rule of the profile gets no policy for an app.</summary>
    public const string WaivedEverywhereReason = "every namespace of the app waives it on its Namespace object";

    private readonly IReadOnlyDictionary<string, IReadOnlySet<string>> _waivedOnNamespace;

    private readonly string _appName;

    /// <param name="appName">The app's name, a DNS label.</param>
    /// <param name="namespaces">The app's namespaces.</param>
    /// <param name="waivedOnNamespace">Per namespace, the rules its own Namespace object waives.</param>
    public AdmissionScope(string appName, IEnumerable<string> namespaces, IReadOnlyDictionary<string, IReadOnlySet<string>> waivedOnNamespace)
    {
        ArgumentException.ThrowIfNullOrEmpty(appName);
        ArgumentNullException.ThrowIfNull(namespaces);
        _appName = appName;
        ArgumentNullException.ThrowIfNull(waivedOnNamespace);
        Namespaces = namespaces.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        _waivedOnNamespace = waivedOnNamespace;
    }

    /// <summary>The app's namespaces, sorted (ordinal).</summary>
    public IReadOnlyList<string> Namespaces { get; }

    /// <summary>The name of the policy and binding of <paramref name="ruleId"/>.</summary>
    public string NameOf(string ruleId) => AdmissionPolicyBuilder.NameOf(_appName, ruleId);

    /// <summary>The namespaces the binding of <paramref name="ruleId"/> selects; empty when it selects none.</summary>
    /// <param name="ruleId">The rule.</param>
    /// <param name="exemptByLabel">Whether the binding skips namespaces with the rule's exemption label.</param>
    public IReadOnlyList<string> BoundNamespaces(string ruleId, bool exemptByLabel) => exemptByLabel
        ? Namespaces
        : Namespaces.Where(n => !(_waivedOnNamespace.TryGetValue(n, out var waived) && waived.Contains(ruleId))).ToList();
}
