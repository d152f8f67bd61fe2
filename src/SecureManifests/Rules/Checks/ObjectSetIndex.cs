using System.Runtime.CompilerServices;
using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>
/// What the cross-object rules look things up in: the pods, NetworkPolicies, Services, ServiceAccounts and
/// Namespaces of one evaluated set, indexed by namespace. Built once per set and shared by every set rule
/// (the engine hands all of them the same list), so each rule stays near-linear in the number of objects.
/// </summary>
internal sealed class ObjectSetIndex
{
    private static readonly ConditionalWeakTable<IReadOnlyList<RuleTarget>, ObjectSetIndex> Cache = new();
    private static readonly IReadOnlyList<PodOwner> NoPods = Array.Empty<PodOwner>();
    private static readonly IReadOnlyList<RuleTarget> NoTargets = Array.Empty<RuleTarget>();

    private readonly Dictionary<string, NamespacePods> _pods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RuleTarget>> _networkPolicies = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Namespace, string Name), V1Service> _services = new();
    private readonly Dictionary<string, HashSet<string>> _serviceAccounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IDictionary<string, string>?> _namespaceObjects = new(StringComparer.Ordinal);

    private ObjectSetIndex(IReadOnlyList<RuleTarget> targets)
    {
        foreach (var t in targets)
        {
            var ns = NamespaceOf(t);
            switch (t.Source)
            {
                case V1NetworkPolicy:
                    Add(_networkPolicies, ns, t);
                    break;
                case V1Service service:
                    _services.TryAdd((ns, t.Name), service);
                    break;
                case V1ServiceAccount:
                    if (!_serviceAccounts.TryGetValue(ns, out var names))
                    {
                        _serviceAccounts[ns] = names = new HashSet<string>(StringComparer.Ordinal);
                    }

                    names.Add(t.Name);
                    break;
                case V1Namespace:
                    _namespaceObjects.TryAdd(t.Name, t.Metadata?.Labels);
                    break;
                case V1PodTemplate:
                    // A PodTemplate only stores a template; it runs no pod that a policy or Service could select.
                    break;
                default:
                    // A pod template without a spec still labels the pods it stands for.
                    if (t.PodSpec is not null || t.PodMetadata is not null)
                    {
                        if (!_pods.TryGetValue(ns, out var pods))
                        {
                            _pods[ns] = pods = new NamespacePods();
                        }

                        pods.Add(new PodOwner(t, t.PodMetadata?.Labels));
                    }

                    break;
            }
        }
    }

    /// <summary>The index of <paramref name="targets"/>, built on first use.</summary>
    public static ObjectSetIndex For(IReadOnlyList<RuleTarget> targets) => Cache.GetValue(targets, t => new ObjectSetIndex(t));

    /// <summary>The namespace an object is compared in: its own, or empty when it has none (all such objects share one).</summary>
    public static string NamespaceOf(RuleTarget target) => target.Namespace ?? string.Empty;

    /// <summary>Objects that run pods (everything with a pod spec but PodTemplate), by namespace.</summary>
    public IEnumerable<string> PodNamespaces => _pods.Keys;

    /// <summary>The pod-running objects of <paramref name="ns"/>, in set order.</summary>
    public IReadOnlyList<PodOwner> PodsIn(string ns) => _pods.TryGetValue(ns, out var pods) ? pods.All : NoPods;

    /// <summary>The NetworkPolicies of <paramref name="ns"/>, in set order.</summary>
    public IReadOnlyList<RuleTarget> NetworkPoliciesIn(string ns) =>
        _networkPolicies.TryGetValue(ns, out var policies) ? policies : NoTargets;

    /// <summary>The Service <paramref name="name"/> of <paramref name="ns"/>, when it is in the set.</summary>
    public V1Service? Service(string ns, string name) => _services.GetValueOrDefault((ns, name));

    /// <summary>The ServiceAccounts the set defines in <paramref name="ns"/>, or null when it defines none.</summary>
    public IReadOnlySet<string>? ServiceAccountsIn(string ns) => _serviceAccounts.GetValueOrDefault(ns);

    /// <summary>Whether the set says anything about <paramref name="ns"/>: a Namespace object, or pods in it.</summary>
    public bool Knows(string ns) => _namespaceObjects.ContainsKey(ns) || _pods.ContainsKey(ns);

    /// <summary>Whether some pod of <paramref name="ns"/> has labels that <paramref name="selector"/> selects.</summary>
    public bool AnyPodMatches(string ns, V1LabelSelector selector) =>
        _pods.TryGetValue(ns, out var pods) && pods.AnyMatches(selector);

    /// <summary>The pods of <paramref name="ns"/> that <paramref name="selector"/> selects.</summary>
    public IEnumerable<PodOwner> PodsMatching(string ns, V1LabelSelector selector) =>
        _pods.TryGetValue(ns, out var pods) ? pods.Matching(selector) : NoPods;

    /// <summary>Whether some pod of <paramref name="ns"/> has labels that the equality <paramref name="selector"/> selects.</summary>
    public bool AnyPodMatches(string ns, IDictionary<string, string> selector) =>
        _pods.TryGetValue(ns, out var pods) && pods.AnyMatches(selector);

    private static void Add(Dictionary<string, List<RuleTarget>> map, string key, RuleTarget target)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = new List<RuleTarget>();
        }

        list.Add(target);
    }

    /// <summary>
    /// The pods of one namespace with a posting list per label pair, so a selector with a matchLabels pair
    /// (the common case) is checked against the few pods carrying that pair instead of all of them.
    /// </summary>
    private sealed class NamespacePods
    {
        private readonly Dictionary<(string Key, string Value), List<PodOwner>> _byLabel = new();

        public List<PodOwner> All { get; } = new();

        public void Add(PodOwner pod)
        {
            All.Add(pod);
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

                if (!_byLabel.TryGetValue((key, value), out var list))
                {
                    _byLabel[(key, value)] = list = new List<PodOwner>();
                }

                list.Add(pod);
            }
        }

        public bool AnyMatches(V1LabelSelector selector) => Matching(selector).Any();

        public IEnumerable<PodOwner> Matching(V1LabelSelector selector) =>
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

        private IReadOnlyList<PodOwner> Candidates(IDictionary<string, string>? matchLabels)
        {
            if (matchLabels is null || matchLabels.Count == 0)
            {
                return All;
            }

            List<PodOwner>? smallest = null;
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

/// <summary>An object that runs pods, with the labels its pods get.</summary>
internal sealed record PodOwner(RuleTarget Target, IDictionary<string, string>? Labels);
