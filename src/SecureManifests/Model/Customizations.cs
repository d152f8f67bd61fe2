using k8s;
using k8s.Models;
using SecureManifests.Rules;

namespace SecureManifests.Model;

/// <summary>
/// The <c>Customize</c> escape hatch: typed changes applied to an emitted object after every default, in the order
/// they were declared. The result is checked by the rule engine like any other object, so an insecure change fails
/// the synth unless a relaxation with a reason covers it. A customization may not change what the SDK relies on to
/// connect objects (apiVersion, kind, name, namespace) nor write or remove waivers, which only relaxations write.
/// </summary>
internal sealed class Customizations
{
    private readonly List<(Type Type, Action<IKubernetesObject> Change, SourceLocation? At)> _changes = [];

    /// <summary>The fields each change set, by the object it changed: build findings on them point at its Customize call.</summary>
    private readonly List<(IKubernetesObject Object, IReadOnlyList<string> Paths, SourceLocation At)> _changed = [];

    public void Add<T>(Action<T> change, string callerFile, int callerLine)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        _changes.Add((typeof(T), obj => change((T)obj), SourceLocation.Of(callerFile, callerLine)));
    }

    /// <summary>The Customize call that last changed <paramref name="path"/> (or a field inside it) of <paramref name="obj"/>.</summary>
    public SourceLocation? Locate(IKubernetesObject obj, string path)
    {
        var normalized = ChangedPaths.Normalize(path);
        for (var i = _changed.Count - 1; i >= 0; i--)
        {
            var (changedObject, paths, at) = _changed[i];
            if (ReferenceEquals(changedObject, obj) && paths.Any(p => ChangedPaths.Related(p, normalized)))
            {
                return at;
            }
        }

        return null;
    }

    /// <summary>Applies the changes to the objects of their type named <paramref name="name"/>.</summary>
    public void ApplyTo(IEnumerable<IKubernetesObject> objects, string name, string reference, Func<IKubernetesObject, string?>? guardedState = null)
    {
        if (_changes.Count == 0)
        {
            return;
        }

        foreach (var obj in objects)
        {
            if (obj is not IKubernetesObject<V1ObjectMeta> { Metadata.Name: var objectName } || objectName != name)
            {
                continue;
            }

            foreach (var (type, change, at) in _changes)
            {
                if (type.IsInstanceOfType(obj))
                {
                    var before = at is null ? null : ChangedPaths.Snapshot(obj);
                    Apply(obj, change, reference, guardedState);
                    if (at is not null)
                    {
                        _changed.Add((obj, ChangedPaths.Between(before!, ChangedPaths.Snapshot(obj)), at));
                    }
                }
            }
        }
    }

    private static void Apply(IKubernetesObject obj, Action<IKubernetesObject> change, string reference, Func<IKubernetesObject, string?>? guardedState)
    {
        var before = Identity(obj);
        var waiversBefore = Waivers(obj);
        var guardedBefore = guardedState?.Invoke(obj);
        try
        {
            change(obj);
        }
        catch (Exception e) when (e is not ManifestDefinitionException)
        {
            throw new ManifestDefinitionException(reference, "Customize", $"the customization threw {e.GetType().Name}: {e.Message}");
        }

        if (Identity(obj) != before)
        {
            throw new ManifestDefinitionException(reference, "Customize",
                $"the customization changed the object's identity ({before} -> {Identity(obj)}); apiVersion, kind, name and namespace are set by the SDK");
        }

        if (Waivers(obj) != waiversBefore)
        {
            throw new ManifestDefinitionException(reference, "Customize",
                $"the customization changed '{WellKnownAnnotations.IgnorePrefix}*' annotations; waivers are written by Allow(...) and the other relaxation methods, which take a reason");
        }

        if (guardedState is not null && guardedState(obj) != guardedBefore)
        {
            throw new ManifestDefinitionException(reference, "Customize",
                "the customization changed the Pod Security Admission labels or the admission exemptions; they follow from the workloads' relaxations (Allow(...) with a reason)");
        }
    }

    private static string Identity(IKubernetesObject obj)
    {
        var metadata = (obj as IKubernetesObject<V1ObjectMeta>)?.Metadata;
        return $"{obj.ApiVersion} {obj.Kind} {metadata?.NamespaceProperty}/{metadata?.Name}";
    }

    private static string Waivers(IKubernetesObject obj)
    {
        var own = Ignores((obj as IKubernetesObject<V1ObjectMeta>)?.Metadata);
        var pod = PodSpecLocator.TryLocateTemplateMetadata(obj, out var podMetadata, out _) ? Ignores(podMetadata) : string.Empty;
        return own + "|" + pod;
    }

    private static string Ignores(V1ObjectMeta? metadata) =>
        metadata?.Annotations is null
            ? string.Empty
            : string.Join('\n', metadata.Annotations
                .Where(a => a.Key.StartsWith(WellKnownAnnotations.IgnorePrefix, StringComparison.Ordinal))
                .Select(a => a.Key + "=" + a.Value)
                .Order(StringComparer.Ordinal));
}
