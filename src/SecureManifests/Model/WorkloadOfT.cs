using System.Runtime.CompilerServices;
using SecureManifests.Defaults;
using SecureManifests.Validation;

namespace SecureManifests.Model;

/// <summary>
/// The fluent API shared by every workload kind. Container settings apply to <see cref="Workload.Main"/>;
/// use <see cref="WithSidecar"/> and <see cref="WithInitContainer"/> for more containers.
/// </summary>
public abstract partial class Workload<TSelf> : Workload
    where TSelf : Workload<TSelf>
{
    private protected Workload(Namespace ns, string kind, string name, string image)
        : base(ns, kind, name, image)
    {
    }

    private TSelf Self => (TSelf)this;

    /// <inheritdoc cref="Container.WithPort"/>
    public TSelf WithPort(string name, int port, PortProtocol protocol = PortProtocol.Tcp, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Apply(c => c.WithPort(name, port, protocol, callerFile, callerLine));

    /// <inheritdoc cref="Container.WithEnv(string, string)"/>
    public TSelf WithEnv(string name, string value) => Apply(c => c.WithEnv(name, value));

    /// <inheritdoc cref="Container.WithEnv(string, ConfigMap, string)"/>
    public TSelf WithEnv(string name, ConfigMap configMap, string key) => Apply(c => c.WithEnv(name, configMap, key));

    /// <inheritdoc cref="Container.WithSecretEnv"/>
    public TSelf WithSecretEnv(string name, SecretReference secret, string key) => Apply(c => c.WithSecretEnv(name, secret, key));

    /// <inheritdoc cref="Container.WithCommand"/>
    public TSelf WithCommand(params string[] command) => Apply(c => c.WithCommand(command));

    /// <inheritdoc cref="Container.WithArgs"/>
    public TSelf WithArgs(params string[] args) => Apply(c => c.WithArgs(args));

    /// <inheritdoc cref="Container.WithResources"/>
    public TSelf WithResources(string? cpu = null, string? memory = null, string? memoryLimit = null, string? cpuLimit = null) =>
        Apply(c => c.WithResources(cpu, memory, memoryLimit, cpuLimit));

    /// <inheritdoc cref="Container.WithLivenessProbe"/>
    public TSelf WithLivenessProbe(Probe probe) => Apply(c => c.WithLivenessProbe(probe));

    /// <inheritdoc cref="Container.WithReadinessProbe"/>
    public TSelf WithReadinessProbe(Probe probe) => Apply(c => c.WithReadinessProbe(probe));

    /// <inheritdoc cref="Container.WithStartupProbe"/>
    public TSelf WithStartupProbe(Probe probe) => Apply(c => c.WithStartupProbe(probe));

    /// <inheritdoc cref="Container.WithWritablePath"/>
    public TSelf WithWritablePath(string path, string? sizeLimit = null) => Apply(c => c.WithWritablePath(path, sizeLimit));

    /// <inheritdoc cref="Container.WithSecretFiles"/>
    public TSelf WithSecretFiles(SecretReference secret, string mountPath) => Apply(c => c.WithSecretFiles(secret, mountPath));

    /// <inheritdoc cref="Container.WithConfigFiles"/>
    public TSelf WithConfigFiles(ConfigMap configMap, string mountPath) => Apply(c => c.WithConfigFiles(configMap, mountPath));

    /// <inheritdoc cref="Container.AllowCapability"/>
    public TSelf AllowCapability(string capability, string reason) => Apply(c => c.AllowCapability(capability, reason));

    /// <inheritdoc cref="Container.WithEnvFromField"/>
    public TSelf WithEnvFromField(string name, EnvFieldPath field) => Apply(c => c.WithEnvFromField(name, field));

    /// <inheritdoc cref="Container.WithEnvFromResource"/>
    public TSelf WithEnvFromResource(string name, ResourceFieldPath resource, string? divisor = null) => Apply(c => c.WithEnvFromResource(name, resource, divisor));

    /// <inheritdoc cref="Container.WithEnvFrom"/>
    public TSelf WithEnvFrom(ConfigMap configMap, string? prefix = null) => Apply(c => c.WithEnvFrom(configMap, prefix));

    /// <inheritdoc cref="Container.WithImagePullPolicy"/>
    public TSelf WithImagePullPolicy(ImagePullPolicy policy) => Apply(c => c.WithImagePullPolicy(policy));

    /// <inheritdoc cref="Container.WithPostStart"/>
    public TSelf WithPostStart(LifecycleHandler handler) => Apply(c => c.WithPostStart(handler));

    /// <inheritdoc cref="Container.WithPreStop"/>
    public TSelf WithPreStop(LifecycleHandler handler) => Apply(c => c.WithPreStop(handler));

    /// <inheritdoc cref="Container.WithHostPort"/>
    public TSelf WithHostPort(string portName, int hostPort, string reason) => Apply(c => c.WithHostPort(portName, hostPort, reason));

    /// <summary>Gives up a secure default for this workload only, with a reason written to its YAML.</summary>
    public TSelf Allow(Relaxation relaxation, string reason)
    {
        Arguments.NotNull(reason, Reference);
        Defaults.Allow(relaxation, reason);
        return Self;
    }

    /// <summary>Mounts a directory of the node (SM1003, SM1018); the namespace then enforces Pod Security privileged.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("SecureManifests", "SM1003", Justification = "This is the SDK's hostPath relaxation API: it requires a reason and records the waiver in the YAML.")]
    public TSelf WithHostPathVolume(string hostPath, string mountPath, string reason, bool readOnly = true)
    {
        Arguments.NotNull(hostPath, Reference);
        Arguments.NotNull(mountPath, Reference);
        Arguments.NotNull(reason, Reference);
        if (string.IsNullOrEmpty(hostPath) || hostPath[0] != '/')
        {
            throw Invalid("volumes.hostPath.path", $"'{hostPath}' must be an absolute path on the node");
        }

        var why = Reasons.Require(reason, Reference, "volumes.hostPath");
        RecordException(Rules.RuleIds.HostPathVolume, why, PodSecurityLevel.Privileged);
        RecordException(Rules.RuleIds.RestrictedVolumeType, why, PodSecurityLevel.Privileged);
        var volume = AddVolume("host-" + VolumeNames.ForPath(hostPath)["writable-".Length..], () => new k8s.Models.V1Volume
        {
            HostPath = new k8s.Models.V1HostPathVolumeSource { Path = hostPath },
        });
        Main.WithMount(volume, mountPath, readOnly);
        return Self;
    }

    /// <summary>Runs the pod as this user ID (must not be 0; use <see cref="Relaxation.RunAsRoot"/> for that).</summary>
    public TSelf WithRunAsUser(long userId, long? groupId = null)
    {
        if (userId <= 0)
        {
            throw Invalid("spec.securityContext.runAsUser", $"{userId} is root or invalid; use a non-zero user ID (SM1009)");
        }

        Defaults.RunAsUser = userId;
        Defaults.RunAsGroup = groupId ?? Defaults.RunAsGroup;
        return Self;
    }

    /// <summary>Sets the <c>app.kubernetes.io/component</c> label, e.g. <c>frontend</c> or <c>database</c>.</summary>
    public TSelf WithComponent(string component)
    {
        Arguments.NotNull(component, Reference);
        if (!KubernetesNames.IsLabelValue(component) || component.Length == 0)
        {
            throw Invalid("metadata.labels[app.kubernetes.io/component]", $"'{component}' is not a valid label value");
        }

        Component = component;
        return Self;
    }

    /// <summary>Adds a label to the pods (not to the selector, which stays stable).</summary>
    public TSelf WithPodLabel(string key, string value)
    {
        Arguments.NotNull(key, Reference);
        Arguments.NotNull(value, Reference);
        RequireLabel(key, value, "spec.template.metadata.labels");
        AddPodLabel(key, value);
        return Self;
    }

    /// <summary>Adds an annotation to the workload object.</summary>
    public TSelf WithAnnotation(string key, string value)
    {
        Arguments.NotNull(key, Reference);
        Arguments.NotNull(value, Reference);
        RequireAnnotation(key, value, Annotations, "metadata.annotations");
        AddAnnotation(key, value);
        return Self;
    }

    /// <summary>Adds another container to the pod; it gets the same secure settings.</summary>
    public TSelf WithSidecar(string name, string image, Action<Container>? configure = null, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Arguments.NotNull(name, Reference);
        Arguments.NotNull(image, Reference);
        return AddExtraContainer(name, image, configure, init: false, SourceLocation.Of(callerFile, callerLine));
    }

    /// <summary>Adds an init container; it gets the same secure settings.</summary>
    public TSelf WithInitContainer(string name, string image, Action<Container>? configure = null, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Arguments.NotNull(name, Reference);
        Arguments.NotNull(image, Reference);
        return AddExtraContainer(name, image, configure, init: true, SourceLocation.Of(callerFile, callerLine));
    }

    /// <summary>
    /// Lets <paramref name="source"/> connect to this workload on <paramref name="portName"/>: an ingress rule here and
    /// an egress rule on the source are generated. Everything else stays denied.
    /// </summary>
    public TSelf AllowFrom(Workload source, string portName)
    {
        Arguments.NotNull(source, Reference);
        Arguments.NotNull(portName, Reference);
        if (ReferenceEquals(source, this))
        {
            throw Invalid($"networkPolicy.ingress.from[{source.Name}]",
                $"'{Name}' cannot allow traffic from itself: the containers of a pod reach each other on localhost, which no NetworkPolicy governs");
        }

        RequireSameApp(source, $"networkPolicy.ingress.from[{source.Name}]");
        AddInbound(new InboundRule(source, null, ResolvePort(portName, $"networkPolicy.ingress.ports[{portName}]")));
        return Self;
    }

    /// <summary>Accepts traffic on <paramref name="portName"/> from every pod of another namespace, e.g. the ingress controller's.</summary>
    public TSelf AllowFromNamespace(string namespaceName, string portName)
    {
        Arguments.NotNull(namespaceName, Reference);
        Arguments.NotNull(portName, Reference);
        if (!KubernetesNames.IsDns1123Label(namespaceName))
        {
            throw Invalid($"networkPolicy.ingress.from[{namespaceName}]", $"'{namespaceName}' is not a valid namespace name");
        }

        AddInbound(new InboundRule(null, namespaceName, ResolvePort(portName, $"networkPolicy.ingress.ports[{portName}]")));
        return Self;
    }

    /// <summary>
    /// Accepts traffic on <paramref name="portName"/> from an address block outside the cluster, e.g. the clients of a
    /// LoadBalancer Service (with <c>externalTrafficPolicy: Local</c> their addresses are kept).
    /// </summary>
    public TSelf AllowFromCidr(string cidr, string portName)
    {
        Arguments.NotNull(cidr, Reference);
        Arguments.NotNull(portName, Reference);
        if (!Networking.Cidr.TryParse(cidr, out _))
        {
            throw Invalid($"networkPolicy.ingress.from[{cidr}]", $"'{cidr}' is not a CIDR block such as 203.0.113.0/24");
        }

        AddInbound(new InboundRule(null, null, ResolvePort(portName, $"networkPolicy.ingress.ports[{portName}]"), cidr));
        return Self;
    }

    /// <summary>
    /// Lets this workload reach an address block outside the cluster on one port. The cloud metadata endpoint
    /// (169.254.169.254) is always excepted (SM4010).
    /// </summary>
    public TSelf AllowEgressTo(string cidr, int port, PortProtocol protocol = PortProtocol.Tcp)
    {
        Arguments.NotNull(cidr, Reference);
        if (!Networking.Cidr.TryParse(cidr, out _))
        {
            throw Invalid($"networkPolicy.egress.to[{cidr}]", $"'{cidr}' is not a CIDR block such as 10.0.0.0/8");
        }

        if (port is < 1 or > 65535)
        {
            throw Invalid($"networkPolicy.egress.ports[{port}]", $"{port} is outside 1-65535");
        }

        AddOutbound(new OutboundRule(cidr, port, protocol));
        return Self;
    }

    /// <summary>A ClusterIP Service named like the workload, for the given ports (all declared ports when none are named).</summary>
    public Service Expose(params string[] portNames)
    {
        Arguments.NoNulls(portNames, Reference);
        return Namespace.Track(new Service(this, Name, portNames));
    }

    /// <summary>Grants <paramref name="role"/> to this workload's own ServiceAccount. A role is bound exactly once.</summary>
    public TSelf Bind(Role role)
    {
        Arguments.NotNull(role, Reference);
        RequireSameApp(role, "rbac.roleRef");
        role.BindTo(this);
        return Self;
    }

    /// <summary>Grants a ClusterRole's permissions in this workload's namespace only (a RoleBinding).</summary>
    public TSelf Bind(ClusterRole clusterRole)
    {
        Arguments.NotNull(clusterRole, Reference);
        RequireSameApp(clusterRole, "rbac.roleRef");
        clusterRole.BindTo(this, clusterWide: false);
        return Self;
    }

    /// <summary>Grants a ClusterRole in every namespace (a ClusterRoleBinding); prefer <see cref="Bind(ClusterRole)"/>.</summary>
    public TSelf BindClusterWide(ClusterRole clusterRole)
    {
        Arguments.NotNull(clusterRole, Reference);
        RequireSameApp(clusterRole, "rbac.roleRef");
        clusterRole.BindTo(this, clusterWide: true);
        return Self;
    }

    private TSelf AddExtraContainer(string name, string image, Action<Container>? configure, bool init, SourceLocation? definedAt)
    {
        var field = (init ? "initContainers[" : "containers[") + name + "]";
        if (Containers.Concat(InitContainers).Any(c => c.Name == name))
        {
            throw Invalid(field + ".name", $"container name '{name}' is used twice in the pod");
        }

        var container = new Container(this, name, image, field) { DefinedAt = definedAt };
        configure?.Invoke(container);
        AddContainer(container, init);
        return Self;
    }

    private TSelf Apply(Action<Container> change)
    {
        change(Main);
        return Self;
    }

    // The key, and the size the object's annotations would have with it: the API server refuses more than 256 KiB.
    private void RequireAnnotation(string key, string value, IReadOnlyDictionary<string, string> existing, string field)
    {
        RequireAnnotationKey(key, field);
        var size = ApiLimits.SizeOf(existing.Where(a => !string.Equals(a.Key, key, StringComparison.Ordinal)).Append(new(key, value)));
        if (DefinitionProblems.OfAnnotationSize(size) is { } problem)
        {
            throw Invalid($"{field}[{key}]", problem);
        }
    }

    private void RequireAnnotationKey(string key, string field)
    {
        if (!KubernetesNames.IsQualifiedKey(key))
        {
            throw Invalid($"{field}[{key}]", $"'{key}' is not a valid annotation key: an optional DNS subdomain prefix and '/', then at most 63 alphanumerics, '-', '_' or '.'");
        }

        if (key.StartsWith(WellKnownAnnotations.IgnorePrefix, StringComparison.Ordinal))
        {
            throw Invalid($"{field}[{key}]", "waivers are written by Allow(...) and the other relaxation methods, which take a reason");
        }
    }

    private void RequireLabel(string key, string value, string field)
    {
        if ((DefinitionProblems.Of(DefinitionValue.LabelKey, key) ?? DefinitionProblems.Of(DefinitionValue.LabelValue, value)) is { } problem)
        {
            throw Invalid($"{field}[{key}]", problem);
        }
    }
}
