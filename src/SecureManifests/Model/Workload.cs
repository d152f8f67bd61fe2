using k8s;
using k8s.Models;
using SecureManifests.Defaults;
using SecureManifests.Rules;
using SecureManifests.Validation;

namespace SecureManifests.Model;

/// <summary>
/// Any workload: a pod template with a dedicated ServiceAccount, secure pod and container settings, and the
/// traffic it is allowed to receive and send. The kind-specific fluent API is on <see cref="Workload{TSelf}"/>.
/// </summary>
public abstract class Workload : ManifestObject
{
    private readonly List<Container> _containers = [];
    private readonly List<Container> _initContainers = [];
    private readonly SortedDictionary<string, Func<V1Volume>> _volumes = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, SortedSet<string>> _exceptions = new(StringComparer.Ordinal);
    private readonly List<(PodSecurityLevel Level, string Reason)> _requiredLevels = [];
    private readonly List<InboundRule> _inbound = [];
    private readonly List<OutboundRule> _outbound = [];
    private readonly SortedDictionary<string, string> _podLabels = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _annotations = new(StringComparer.Ordinal);

    private protected Workload(Namespace ns, string kind, string name, string image)
        : base(ns.App, ns, kind, name, NameFormat.Label)
    {
        Namespace = ns;
        Defaults = new ScopedDefaults(Reference, ns.Defaults);
        if (ns.Defines(nameof(Workload), name))
        {
            throw Invalid("metadata.name", Validation.DefinitionProblems.DuplicateWorkload(name));
        }

        Main = new Container(this, name, image, "containers[" + name + "]");
        _containers.Add(Main);
        SelectorLabels = RecommendedLabels.Selector(App, name);
    }

    public new Namespace Namespace { get; }

    /// <summary>Defaults for this workload only; they override the namespace's and the app's.</summary>
    public ScopedDefaults Defaults { get; }

    /// <summary>The container named like the workload, which the fluent methods configure.</summary>
    public Container Main { get; }

    public IReadOnlyList<Container> Containers => _containers;

    /// <summary>The labels that select this workload's pods: <c>app.kubernetes.io/name</c> and <c>instance</c>.</summary>
    public IReadOnlyDictionary<string, string> SelectorLabels { get; }

    /// <summary>The component label, e.g. <c>frontend</c>; optional.</summary>
    public string? Component { get; private protected set; }

    internal IReadOnlyList<InboundRule> Inbound => _inbound;

    internal IReadOnlyList<OutboundRule> Outbound => _outbound;

    internal IReadOnlyList<Container> InitContainers => _initContainers;

    /// <summary>Scheduling, DNS, pull secrets and the other pod-level settings that leave security untouched.</summary>
    internal PodSettings Pod { get; } = new();

    /// <summary>The old revisions kept for rollback (<c>revisionHistoryLimit</c>; Kubernetes default 10).</summary>
    private protected int? RevisionHistoryLimit { get; private set; }

    /// <summary>Keeps <paramref name="revisions"/> old revisions for rollback (<c>spec.revisionHistoryLimit</c>; Kubernetes default 10).</summary>
    private protected void SetRevisionHistoryLimit(int revisions)
    {
        if (revisions < 0)
        {
            throw Invalid("spec.revisionHistoryLimit", $"{revisions} is negative");
        }

        RevisionHistoryLimit = revisions;
    }

    internal void AddContainer(Container container, bool init) => (init ? _initContainers : _containers).Add(container);

    /// <summary>The workload's own call site is its main container's too.</summary>
    internal override void DefineAt(string file, int line)
    {
        base.DefineAt(file, line);
        Main.DefinedAt ??= DefinedAt;
    }

    /// <summary>A field of a container maps to the call that created the container or set the field; the rest to the workload's.</summary>
    private protected override SourceLocation? LocateDefined(IKubernetesObject emitted, string path)
    {
        if (Rules.PodSpecLocator.TryLocate(emitted, out var pod)
            && (InContainer(path, pod.SpecPath + ".containers[", _containers) ?? InContainer(path, pod.SpecPath + ".initContainers[", _initContainers)) is { } found)
        {
            return found;
        }

        return DefinedAt;
    }

    private static SourceLocation? InContainer(string path, string prefix, List<Container> containers)
    {
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var close = path.IndexOf(']', prefix.Length);
        return close > prefix.Length && int.TryParse(path.AsSpan(prefix.Length, close - prefix.Length), System.Globalization.CultureInfo.InvariantCulture, out var index)
            && index < containers.Count
            ? containers[index].Locate(path[(close + 1)..])
            : null;
    }

    internal void AddPodLabel(string key, string value) => _podLabels[key] = value;

    internal void AddAnnotation(string key, string value) => _annotations[key] = value;

    /// <summary>The object's own annotations, as the user and the SDK set them (waivers are added when it is built).</summary>
    internal IReadOnlyDictionary<string, string> Annotations => _annotations;

    /// <summary>Adds a rule once: routes and monitors admit their sources for the user, who may also have said so.</summary>
    internal void AddInbound(InboundRule rule)
    {
        if (!_inbound.Contains(rule))
        {
            _inbound.Add(rule);
        }
    }

    internal void AddOutbound(OutboundRule rule) => _outbound.Add(rule);

    /// <summary>Records a waived rule with its reason; it becomes an ignore annotation on the workload.</summary>
    internal void RecordException(string ruleId, string reason, PodSecurityLevel requiredLevel)
    {
        if (!_exceptions.TryGetValue(ruleId, out var reasons))
        {
            _exceptions[ruleId] = reasons = new SortedSet<string>(StringComparer.Ordinal);
        }

        reasons.Add(reason);
        _requiredLevels.Add((requiredLevel, reason));
    }

    /// <summary>Registers a pod volume once; containers that mount the same source share it.</summary>
    internal string AddVolume(string name, Func<V1Volume> create)
    {
        _volumes.TryAdd(name, create);
        return name;
    }

    internal ContainerPortSpec ResolvePort(string portName, string field)
    {
        foreach (var container in _containers)
        {
            foreach (var port in container.Ports)
            {
                if (port.Name == portName)
                {
                    return port;
                }
            }
        }

        throw Invalid(field, $"'{portName}' is not a declared port of {Reference}; declare it with WithPort first");
    }

    /// <summary>The Pod Security level the namespace must enforce so that this workload's relaxations are admitted.</summary>
    internal IEnumerable<(PodSecurityLevel Level, string Reason)> RequiredPodSecurity()
    {
        foreach (var (relaxation, reason) in Defaults.ResolveRelaxations())
        {
            yield return (RelaxationEffects.RequiredLevel(relaxation), reason);
        }

        foreach (var required in _requiredLevels)
        {
            yield return required;
        }
    }

    internal override IEnumerable<IKubernetesObject> Emit()
    {
        yield return new V1ServiceAccount
        {
            ApiVersion = "v1",
            Kind = "ServiceAccount",
            Metadata = Metadata(Name),
            AutomountServiceAccountToken = false,
        };
        yield return EmitWorkload();
    }

    /// <summary>The kind-specific object (Deployment, Job, ...) around <see cref="BuildPodTemplate"/>.</summary>
    private protected abstract IKubernetesObject EmitWorkload();

    /// <summary>The workload's own metadata, carrying one ignore annotation per waived rule.</summary>
    private protected V1ObjectMeta WorkloadMetadata()
    {
        var metadata = Metadata(Name);
        AddComponent(metadata.Labels);
        var annotations = new SortedDictionary<string, string>(_annotations, StringComparer.Ordinal);
        foreach (var (ruleId, reason) in WaivedRules())
        {
            annotations[WellKnownAnnotations.IgnoreKey(ruleId)] = reason;
        }

        // The reasons of the waivers count too: a long one can take the object past the API server's limit.
        if (DefinitionProblems.OfAnnotationSize(ApiLimits.SizeOf(annotations)) is { } tooLarge)
        {
            throw Invalid("metadata.annotations", tooLarge);
        }

        metadata.Annotations = annotations.Count == 0 ? null : new Dictionary<string, string>(annotations, StringComparer.Ordinal);
        return metadata;
    }

    private protected V1LabelSelector Selector() => new() { MatchLabels = new Dictionary<string, string>(SelectorLabels, StringComparer.Ordinal) };

    private protected V1PodTemplateSpec BuildPodTemplate(string? restartPolicy = null)
    {
        var relaxations = Defaults.ResolveRelaxations();
        var labels = RecommendedLabels.For(App, Name);
        AddComponent(labels);
        foreach (var (key, value) in _podLabels)
        {
            labels[key] = value;
        }

        var template = new V1PodTemplateSpec
        {
            Metadata = new V1ObjectMeta { Labels = labels },
            Spec = new V1PodSpec
            {
                ServiceAccountName = Name,
                AutomountServiceAccountToken = relaxations.ContainsKey(Relaxation.ServiceAccountToken),
                HostNetwork = relaxations.ContainsKey(Relaxation.HostNetwork) ? true : null,
                HostPID = relaxations.ContainsKey(Relaxation.HostPid) ? true : null,
                HostIPC = relaxations.ContainsKey(Relaxation.HostIpc) ? true : null,
                RestartPolicy = restartPolicy,
                SecurityContext = new V1PodSecurityContext
                {
                    RunAsNonRoot = !relaxations.ContainsKey(Relaxation.RunAsRoot),
                    RunAsUser = Defaults.ResolveRunAsUser(),
                    RunAsGroup = Defaults.ResolveRunAsGroup(),
                    FsGroup = Defaults.ResolveFsGroup(),
                    SeccompProfile = new V1SeccompProfile
                    {
                        Type = relaxations.ContainsKey(Relaxation.UnconfinedSeccomp) ? "Unconfined" : "RuntimeDefault",
                    },
                },
                InitContainers = _initContainers.Count == 0 ? null : [.. _initContainers.Select(c => c.ToModel(relaxations))],
                Containers = [.. _containers.Select(c => c.ToModel(relaxations))],
                Volumes = _volumes.Count == 0 ? null : [.. _volumes.Select(v => Named(v.Key, v.Value()))],
            },
        };
        Pod.ApplyTo(template.Spec, template.Metadata);
        return template;
    }

    private SortedDictionary<string, string> WaivedRules()
    {
        var waived = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (relaxation, reason) in Defaults.ResolveRelaxations())
        {
            foreach (var ruleId in RelaxationEffects.RuleIdsOf(relaxation))
            {
                Add(ruleId, reason);
            }
        }

        foreach (var (ruleId, reasons) in _exceptions)
        {
            foreach (var reason in reasons)
            {
                Add(ruleId, reason);
            }
        }

        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (ruleId, reasons) in waived)
        {
            result[ruleId] = string.Join("; ", reasons);
        }

        return result;

        void Add(string ruleId, string reason)
        {
            if (!waived.TryGetValue(ruleId, out var set))
            {
                waived[ruleId] = set = new SortedSet<string>(StringComparer.Ordinal);
            }

            set.Add(reason);
        }
    }

    private void AddComponent(IDictionary<string, string> labels)
    {
        if (Component is not null)
        {
            labels[RecommendedLabels.Component] = Component;
        }
    }

    private static V1Volume Named(string name, V1Volume volume)
    {
        volume.Name = name;
        return volume;
    }
}
