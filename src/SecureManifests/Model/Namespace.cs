using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;
using SecureManifests.Defaults;
using SecureManifests.Networking;

namespace SecureManifests.Model;

/// <summary>
/// A namespace of the app. It is written with Pod Security Admission labels, a default-deny NetworkPolicy for
/// ingress and egress, and a policy that allows DNS; everything else is allowed by declared connections.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "Namespace is the Kubernetes term users look for; C# and F# accept it as a type name.")]
public sealed class Namespace
{
    /// <summary>The label every namespace carries since Kubernetes 1.22; network peers select namespaces by it.</summary>
    public const string NameLabel = Rules.Semantics.Namespaces.NameLabel;

    private readonly List<ManifestObject> _definitions = [];
    private readonly HashSet<(string Kind, string Name)> _names = [];
    private readonly Customizations _customizations = new();

    internal Namespace(App app, string name)
    {
        App = app;
        Name = name;
        var problem = NameFormat.Label.Check(name);
        if (problem is not null)
        {
            throw new ManifestDefinitionException($"Namespace {name}", "metadata.name", problem);
        }

        if (name is "default" or "kube-system" or "kube-public" or "kube-node-lease")
        {
            throw new ManifestDefinitionException($"Namespace {name}", "metadata.name",
                $"'{name}' is a system namespace; give the app a namespace of its own (SM4001)");
        }

        Defaults = new ScopedDefaults($"Namespace {name}", app.Defaults);
    }

    public App App { get; }

    /// <summary>The <c>AddNamespace</c> call; findings on the Namespace and its policies point there.</summary>
    internal SourceLocation? DefinedAt { get; init; }

    /// <summary>The <c>Customize</c> that changed <paramref name="path"/> of <paramref name="emitted"/>, else <see cref="DefinedAt"/>.</summary>
    internal SourceLocation? Locate(IKubernetesObject emitted, string path) => _customizations.Locate(emitted, path) ?? DefinedAt;

    public string Name { get; }

    /// <summary>How definition errors name it: <c>Namespace name</c>.</summary>
    internal string Reference => $"Namespace {Name}";

    /// <summary>Defaults for everything in this namespace; they override the app's.</summary>
    public ScopedDefaults Defaults { get; }

    internal IReadOnlyList<ManifestObject> Definitions => _definitions;

    /// <summary>A Deployment running <paramref name="image"/> in a container named like the Deployment.</summary>
    public Deployment AddDeployment(string name, string image, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Arguments.NotNull(name, Reference);
        Arguments.NotNull(image, Reference);
        return Track(new Deployment(this, name, image), callerFile, callerLine);
    }

    /// <summary>A StatefulSet; give it storage with <see cref="StatefulSet.WithVolumeClaim"/>.</summary>
    public StatefulSet AddStatefulSet(string name, string image, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Arguments.NotNull(name, Reference);
        Arguments.NotNull(image, Reference);
        return Track(new StatefulSet(this, name, image), callerFile, callerLine);
    }

    public DaemonSet AddDaemonSet(string name, string image, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Arguments.NotNull(name, Reference);
        Arguments.NotNull(image, Reference);
        return Track(new DaemonSet(this, name, image), callerFile, callerLine);
    }

    /// <summary>A Job that runs to completion and is cleaned up after <see cref="ScopedDefaults.JobTtlSecondsAfterFinished"/>.</summary>
    public Job AddJob(string name, string image, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Arguments.NotNull(name, Reference);
        Arguments.NotNull(image, Reference);
        return Track(new Job(this, name, image), callerFile, callerLine);
    }

    /// <summary>A CronJob on a five-field cron <paramref name="schedule"/>; runs never overlap unless allowed.</summary>
    public CronJob AddCronJob(string name, string schedule, string image, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Arguments.NotNull(name, Reference);
        Arguments.NotNull(schedule, Reference);
        Arguments.NotNull(image, Reference);
        return Track(new CronJob(this, name, schedule, image), callerFile, callerLine);
    }

    public ConfigMap AddConfigMap(string name, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Arguments.NotNull(name, Reference);
        return Track(new ConfigMap(this, name), callerFile, callerLine);
    }

    /// <summary>
    /// A Secret that exists in the cluster but not in the YAML (created by External Secrets, Sealed Secrets,
    /// cert-manager or an operator), so its values never reach the repository. Mount it with
    /// <see cref="Workload{TSelf}.WithSecretFiles"/>.
    /// </summary>
    public SecretReference AddExternalSecret(string name, params string[] keys)
    {
        Arguments.NotNull(name, Reference);
        Arguments.NoNulls(keys, Reference);
        return Track(new SecretReference(this, name, keys));
    }

    /// <summary>A namespaced Role. Grant it to exactly one workload with <see cref="Workload{TSelf}.Bind(Role)"/>.</summary>
    public Role AddRole(string name, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Arguments.NotNull(name, Reference);
        return Track(new Role(this, name), callerFile, callerLine);
    }

    /// <summary>An Ingress for <paramref name="host"/>, served over TLS with the certificate in <paramref name="tlsSecretName"/>.</summary>
    public Ingress AddIngress(string name, string host, string tlsSecretName, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Arguments.NotNull(name, Reference);
        Arguments.NotNull(host, Reference);
        Arguments.NotNull(tlsSecretName, Reference);
        return Track(new Ingress(this, name, host, tlsSecretName), callerFile, callerLine);
    }

    /// <summary>
    /// A Gateway API HTTPRoute attached to <paramref name="gateway"/> for <paramref name="hostnames"/> (none: every host
    /// name of the Gateway's listener). Each <see cref="HttpRoute.Route"/> also lets the Gateway's namespace reach the
    /// backend's pods on the routed port.
    /// </summary>
    public HttpRoute AddHttpRoute(string name, GatewayReference gateway, string[] hostnames, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Arguments.NotNull(name, Reference);
        Arguments.NotNull(gateway, Reference);
        Arguments.NoNulls(hostnames, Reference);
        return Track(new HttpRoute(this, name, gateway, hostnames), callerFile, callerLine);
    }

    /// <summary>The escape hatch for a namespaced raw object: it is placed in this namespace and checked like the rest.</summary>
    public T Add<T>(T kubernetesObject, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        Arguments.NotNull(kubernetesObject, Reference);
        kubernetesObject.Metadata ??= new V1ObjectMeta();
        kubernetesObject.Metadata.NamespaceProperty = Name;
        return App.Add(kubernetesObject, callerFile, callerLine);
    }

    internal T Track<T>(T definition, string callerFile, int callerLine)
        where T : ManifestObject
    {
        definition.DefineAt(callerFile, callerLine);
        return Track(definition);
    }

    /// <summary>
    /// The typed escape hatch for the Namespace object (e.g. an annotation for a cost tool), applied after the defaults.
    /// The Pod Security Admission labels and the admission exemptions (<c>securemanifests.io/exempt-*</c>) are left as
    /// the workloads' relaxations require; a change to them is refused.
    /// </summary>
    public Namespace Customize(Action<V1Namespace> change, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Arguments.NotNull(change, Reference);
        _customizations.Add(change, callerFile, callerLine);
        return this;
    }

    internal T Track<T>(T definition)
        where T : ManifestObject
    {
        _definitions.Add(definition);
        _names.Add((definition is Workload ? nameof(Workload) : definition.Kind, definition.Name));
        return definition;
    }

    /// <summary>Whether a definition of <paramref name="kind"/> (or any workload, for <c>Workload</c>) already has the name.</summary>
    internal bool Defines(string kind, string name) => _names.Contains((kind, name));

    /// <summary>The Namespace object and the policies that make the namespace closed by default.</summary>
    internal IEnumerable<IKubernetesObject> EmitNamespaceObjects(ConnectionPolicies connections)
    {
        var enforced = PodSecurityLevel.Restricted;
        var reasons = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var workload in _definitions.OfType<Workload>())
        {
            foreach (var (level, reason) in workload.RequiredPodSecurity())
            {
                enforced = RelaxationEffects.WeakestOf(enforced, level);
                if (level != PodSecurityLevel.Restricted)
                {
                    reasons.Add($"{workload.Reference}: {reason}");
                }
            }
        }

        var labels = RecommendedLabels.For(App, Name);
        labels[NameLabel] = Name;
        labels[Rules.Semantics.Namespaces.PodSecurityEnforceLabel] = LevelName(enforced);
        labels[Rules.Semantics.Namespaces.PodSecurityEnforceVersionLabel] = "latest";
        labels[Rules.Semantics.Namespaces.PodSecurityAuditLabel] = LevelName(PodSecurityLevel.Restricted);
        labels[Rules.Semantics.Namespaces.PodSecurityWarnLabel] = LevelName(PodSecurityLevel.Restricted);
        var metadata = new V1ObjectMeta { Name = Name, Labels = labels };
        if (enforced == PodSecurityLevel.Privileged)
        {
            metadata.Annotations = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [WellKnownAnnotations.IgnoreKey(Rules.RuleIds.NamespaceWithoutPodSecurity)] = string.Join("; ", reasons),
            };
        }

        var ns = new V1Namespace { ApiVersion = "v1", Kind = "Namespace", Metadata = metadata };
        _customizations.ApplyTo([ns], Name, $"Namespace {Name}", PodSecurityLabels);
        yield return ns;
        foreach (var policy in NamespacePolicies.DefaultDenyAndDns(App, Name))
        {
            yield return policy;
        }

        foreach (var policy in connections.For(_definitions.OfType<Workload>()))
        {
            yield return policy;
        }
    }

    // The labels a customization may not change: Pod Security Admission's, and the admission exemptions (labels and
    // their reasons), which EnforceAtAdmission writes from relaxations that carry a reason.
    private static string PodSecurityLabels(IKubernetesObject obj)
    {
        var metadata = ((V1Namespace)obj).Metadata;
        var exemptions = (metadata.Annotations ?? new Dictionary<string, string>())
            .Where(a => a.Key.StartsWith(Admission.AdmissionPolicyBuilder.ExemptionLabelPrefix, StringComparison.Ordinal));
        return string.Join('\n', (metadata.Labels ?? new Dictionary<string, string>())
            .Where(l => l.Key.StartsWith("pod-security.kubernetes.io/", StringComparison.Ordinal) ||
                l.Key.StartsWith(Admission.AdmissionPolicyBuilder.ExemptionLabelPrefix, StringComparison.Ordinal))
            .Concat(exemptions)
            .Select(l => l.Key + "=" + l.Value)
            .Order(StringComparer.Ordinal));
    }

    private static string LevelName(PodSecurityLevel level) => level switch
    {
        PodSecurityLevel.Restricted => "restricted",
        PodSecurityLevel.Baseline => "baseline",
        _ => "privileged",
    };
}
