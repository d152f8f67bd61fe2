using k8s;
using SecureManifests.Rules;

namespace SecureManifests.Admission;

/// <summary>
/// The waivers an app records, read from the objects it emits and grouped by namespace. Every relaxation the SDK
/// takes (<c>Allow</c>, host paths, capabilities, host ports, exposed Services) is written as a
/// <c>securemanifests.io/ignore-&lt;ID&gt;</c> annotation with its reason, and raw objects carry their own; reading
/// the annotations back, with the engine's reader, keeps one record of what is waived.
/// </summary>
internal sealed class AppWaivers
{
    private AppWaivers(
        IReadOnlyDictionary<string, SortedDictionary<string, SortedSet<string>>> inNamespaces,
        IReadOnlyDictionary<string, IReadOnlySet<string>> onNamespaceObjects)
    {
        InNamespaces = inNamespaces;
        OnNamespaceObjects = onNamespaceObjects;
    }

    /// <summary>Per namespace, per rule: <c>Kind namespace/name: reason</c> of each object in it that waives the rule.</summary>
    public IReadOnlyDictionary<string, SortedDictionary<string, SortedSet<string>>> InNamespaces { get; }

    /// <summary>Per namespace, the rules its own Namespace object waives (SM4007 for a privileged namespace).</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> OnNamespaceObjects { get; }

    /// <summary>The waivers of the objects in <paramref name="namespaces"/> and of those Namespace objects.</summary>
    public static AppWaivers Read(IReadOnlyList<IKubernetesObject> objects, IReadOnlyCollection<string> namespaces)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var inNamespaces = new Dictionary<string, SortedDictionary<string, SortedSet<string>>>(StringComparer.Ordinal);
        var onNamespaceObjects = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        for (var i = 0; i < objects.Count; i++)
        {
            var target = RuleTarget.Create(objects[i], i);
            if (target.Kind == "Namespace" && namespaces.Contains(target.Name))
            {
                onNamespaceObjects[target.Name] = target.Waivers.Reasons.Select(r => r.RuleId).ToHashSet(StringComparer.Ordinal);
                continue;
            }

            if (target.Namespace is not { } ns || !namespaces.Contains(ns))
            {
                continue;
            }

            foreach (var (ruleId, reason) in target.Waivers.Reasons)
            {
                if (!inNamespaces.TryGetValue(ns, out var rules))
                {
                    inNamespaces[ns] = rules = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
                }

                if (!rules.TryGetValue(ruleId, out var reasons))
                {
                    rules[ruleId] = reasons = new SortedSet<string>(StringComparer.Ordinal);
                }

                reasons.Add(target.Description + ": " + reason);
            }
        }

        return new AppWaivers(inNamespaces, onNamespaceObjects);
    }
}
