using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>
/// What the cross-object rules look things up in, built one member at a time as the set streams past: the pods,
/// NetworkPolicies, Services, ServiceAccounts, Namespaces and RBAC references of one evaluated set, indexed by
/// namespace. Shared by every set rule, so each rule stays near-linear in the number of objects. Lookups are meant
/// for after the last <see cref="Add"/>.
/// </summary>
internal sealed class ObjectSetIndex
{
    private static readonly IReadOnlyList<PodMember> NoPods = Array.Empty<PodMember>();
    private static readonly IReadOnlyList<NetworkPolicyMember> NoPolicies = Array.Empty<NetworkPolicyMember>();

    private readonly Dictionary<string, NamespacePods> _pods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<NetworkPolicyMember>> _networkPolicies = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Namespace, string Name), ServiceMember> _services = new();
    private readonly Dictionary<string, HashSet<string>> _serviceAccounts = new(StringComparer.Ordinal);
    private readonly HashSet<(string Namespace, string Name)> _tokenlessAccounts = new();
    private readonly HashSet<string> _namespaceObjects = new(StringComparer.Ordinal);
    private readonly Dictionary<PolicyDirection, NetworkPolicyCoverage> _coverage = new();

    /// <summary>The Roles, ClusterRoles and the bindings that reference them.</summary>
    public RoleIndex Roles { get; } = new();

    /// <summary>Adds one member of the set (members come in set order).</summary>
    public void Add(SetMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var ns = member.SetNamespace;
        switch (member)
        {
            case NetworkPolicyMember policy:
                if (!_networkPolicies.TryGetValue(ns, out var policies))
                {
                    _networkPolicies[ns] = policies = new List<NetworkPolicyMember>();
                }

                policies.Add(policy);
                break;
            case ServiceMember service:
                _services.TryAdd((ns, service.Name), service);
                break;
            case ServiceAccountMember account:
                if (!_serviceAccounts.TryGetValue(ns, out var names))
                {
                    _serviceAccounts[ns] = names = new HashSet<string>(StringComparer.Ordinal);
                }

                names.Add(account.Name);
                if (account.DisablesTokenAutomount)
                {
                    _tokenlessAccounts.Add((ns, account.Name));
                }

                break;
            case NamespaceMember:
                _namespaceObjects.Add(member.Name);
                break;
            case RoleMember role:
                Roles.Add(role);
                break;
            case BindingMember binding:
                Roles.Add(binding);
                break;
            case PodMember { RunsPods: true } pod:
                if (!_pods.TryGetValue(ns, out var pods))
                {
                    _pods[ns] = pods = new NamespacePods();
                }

                pods.Add(pod);
                break;
        }
    }

    /// <summary>Namespaces with pod-running objects.</summary>
    public IEnumerable<string> PodNamespaces => _pods.Keys;

    /// <summary>The pod-running objects of <paramref name="ns"/>, in set order.</summary>
    public IReadOnlyList<PodMember> PodsIn(string ns) => _pods.TryGetValue(ns, out var pods) ? pods.All : NoPods;

    /// <summary>The NetworkPolicies of <paramref name="ns"/>, in set order.</summary>
    public IReadOnlyList<NetworkPolicyMember> NetworkPoliciesIn(string ns) =>
        _networkPolicies.TryGetValue(ns, out var policies) ? policies : NoPolicies;

    /// <summary>The Service <paramref name="name"/> of <paramref name="ns"/>, when it is in the set.</summary>
    public ServiceMember? Service(string ns, string name) => _services.GetValueOrDefault((ns, name));

    /// <summary>The ServiceAccounts the set defines in <paramref name="ns"/>, or null when it defines none.</summary>
    public IReadOnlySet<string>? ServiceAccountsIn(string ns) => _serviceAccounts.GetValueOrDefault(ns);

    /// <summary>Whether the set has the ServiceAccount <paramref name="name"/> of <paramref name="ns"/> with <c>automountServiceAccountToken: false</c>.</summary>
    public bool DisablesTokenAutomount(string ns, string name) => _tokenlessAccounts.Contains((ns, name));

    /// <summary>Whether the set says anything about <paramref name="ns"/>: a Namespace object, or pods in it.</summary>
    public bool Knows(string ns) => _namespaceObjects.Contains(ns) || _pods.ContainsKey(ns);

    /// <summary>Whether some pod of <paramref name="ns"/> has labels that <paramref name="selector"/> selects.</summary>
    public bool AnyPodMatches(string ns, V1LabelSelector selector) =>
        _pods.TryGetValue(ns, out var pods) && pods.AnyMatches(selector);

    /// <summary>The pods of <paramref name="ns"/> that <paramref name="selector"/> selects.</summary>
    public IEnumerable<PodMember> PodsMatching(string ns, V1LabelSelector selector) =>
        _pods.TryGetValue(ns, out var pods) ? pods.Matching(selector) : NoPods;

    /// <summary>Whether some pod of <paramref name="ns"/> has labels that the equality <paramref name="selector"/> selects.</summary>
    public bool AnyPodMatches(string ns, IDictionary<string, string> selector) =>
        _pods.TryGetValue(ns, out var pods) && pods.AnyMatches(selector);

    /// <summary>Whether a NetworkPolicy of its namespace isolates <paramref name="pod"/> in <paramref name="direction"/>.</summary>
    public bool IsIsolated(PodMember pod, PolicyDirection direction)
    {
        if (!_coverage.TryGetValue(direction, out var coverage))
        {
            _coverage[direction] = coverage = new NetworkPolicyCoverage(this, direction);
        }

        return coverage.Isolates(pod);
    }

    /// <summary>
    /// The pods of one namespace with a posting list per label pair, so a selector with a matchLabels pair
    /// (the common case) is checked against the few pods carrying that pair instead of all of them. The lists are
    /// built on the first lookup: a set that no selector looks into never pays for them.
    /// </summary>
    private sealed class NamespacePods
    {
        private Dictionary<(string Key, string Value), List<PodMember>>? _byLabel;

        public List<PodMember> All { get; } = new();

        public void Add(PodMember pod)
        {
            All.Add(pod);
            if (_byLabel is not null)
            {
                Post(_byLabel, pod);
            }
        }

        public bool AnyMatches(V1LabelSelector selector) => Matching(selector).Any();

        public IEnumerable<PodMember> Matching(V1LabelSelector selector) =>
            Candidates(selector.MatchLabels).Where(pod => LabelSelectors.Matches(selector, pod.Labels));

        public bool AnyMatches(IDictionary<string, string> selector)
        {
            foreach (var pod in Candidates(selector))
            {
                if (LabelSelectors.Matches(selector, pod.Labels))
                {
                    return true;
                }
            }

            return false;
        }

        private static void Post(Dictionary<(string Key, string Value), List<PodMember>> byLabel, PodMember pod)
        {
            if (pod.Labels is null)
            {
                return;
            }

            foreach (var (key, value) in pod.Labels)
            {
                if (key is null || value is null)
                {
                    continue;
                }

                if (!byLabel.TryGetValue((key, value), out var list))
                {
                    byLabel[(key, value)] = list = new List<PodMember>();
                }

                list.Add(pod);
            }
        }

        private IReadOnlyList<PodMember> Candidates(IDictionary<string, string>? matchLabels)
        {
            if (matchLabels is null || matchLabels.Count == 0)
            {
                return All;
            }

            if (_byLabel is null)
            {
                _byLabel = new Dictionary<(string Key, string Value), List<PodMember>>();
                foreach (var pod in All)
                {
                    Post(_byLabel, pod);
                }
            }

            List<PodMember>? smallest = null;
            foreach (var (key, value) in matchLabels)
            {
                if (key is null || value is null || !_byLabel.TryGetValue((key, value), out var list))
                {
                    return NoPods;
                }

                if (smallest is null || list.Count < smallest.Count)
                {
                    smallest = list;
                }
            }

            return smallest ?? All;
        }
    }
}
