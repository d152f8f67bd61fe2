using System.Runtime.CompilerServices;
using SecureManifests.Rules.Semantics;
using k8s.Models;
using SecureManifests.Defaults;
using SecureManifests.Validation;

namespace SecureManifests.Model;

/// <summary>
/// One container of a workload. It is written with a read-only root filesystem, all capabilities dropped and
/// privilege escalation off; writable paths become emptyDir mounts.
/// </summary>
public sealed class Container
{
    private readonly Workload _owner;
    private readonly List<ContainerPortSpec> _ports = [];
    private readonly List<V1EnvVar> _env = [];
    private readonly List<V1VolumeMount> _mounts = [];
    private readonly SortedDictionary<string, string> _addedCapabilities = new(StringComparer.Ordinal);
    private string[]? _command;
    private string[]? _args;
    private ResourceProfile? _resources;
    private Probe? _liveness;
    private Probe? _readiness;
    private Probe? _startup;
    private readonly List<V1EnvFromSource> _envFrom = [];
    private ImagePullPolicy? _pullPolicy;
    private LifecycleHandler? _postStart;
    private LifecycleHandler? _preStop;

    private readonly List<SourceLocation?> _portOrigins = [];

    internal Container(Workload owner, string name, string image, string field)
    {
        _owner = owner;
        Field = field;
        if (DefinitionProblems.Of(DefinitionValue.LabelName, name) is { } badName)
        {
            throw Invalid("name", badName);
        }

        Name = name;
        if (!ImageReference.TryParse(image, out var reference, out var problem))
        {
            throw Invalid("image", problem!);
        }

        Image = reference!;
    }

    public string Name { get; }

    public ImageReference Image { get; }

    /// <summary>The call that created the container (the workload's <c>AddX</c>, or <c>WithSidecar</c>/<c>WithInitContainer</c>).</summary>
    internal SourceLocation? DefinedAt { get; set; }

    /// <summary>
    /// The call that set <paramref name="path"/>, relative to this container's entry in the pod spec (<c>.ports[0].containerPort</c>):
    /// the <c>WithPort</c> of a port, else the call that created the container.
    /// </summary>
    internal SourceLocation? Locate(string path)
    {
        const string ports = ".ports[";
        if (path.StartsWith(ports, StringComparison.Ordinal)
            && int.TryParse(path.AsSpan(ports.Length, Math.Max(0, path.IndexOf(']', StringComparison.Ordinal) - ports.Length)), System.Globalization.CultureInfo.InvariantCulture, out var index)
            && index < _portOrigins.Count && _portOrigins[index] is { } port)
        {
            return port;
        }

        return DefinedAt;
    }

    /// <summary>The container's field path in error messages, e.g. <c>containers[api]</c>.</summary>
    internal string Field { get; }

    internal IReadOnlyList<ContainerPortSpec> Ports => _ports;

    internal IReadOnlyDictionary<string, string> AddedCapabilities => _addedCapabilities;

    internal IEnumerable<(string Port, int HostPort)> HostPorts =>
        _ports.Where(p => p.HostPort is not null).Select(p => (p.Name, p.HostPort!.Value));

    /// <summary>Declares a named port; services, probes and connections refer to it by name.</summary>
    public Container WithPort(string name, int port, PortProtocol protocol = PortProtocol.Tcp, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Arguments.NotNull(name, _owner.Reference);
        if (DefinitionProblems.Of(DefinitionValue.PortName, name) is { } badName)
        {
            throw Invalid($"ports[{name}].name", badName);
        }

        RequirePortNumber($"ports[{name}].containerPort", port);
        if (_ports.Any(p => p.Name == name))
        {
            throw Invalid($"ports[{name}]", $"port name '{name}' is declared twice");
        }

        if (_ports.Any(p => p.Number == port && p.Protocol == protocol))
        {
            throw Invalid($"ports[{name}].containerPort", $"port {port}/{protocol.ToApiValue()} is declared twice");
        }

        _ports.Add(new ContainerPortSpec(name, port, protocol, HostPort: null));
        _portOrigins.Add(SourceLocation.Of(callerFile, callerLine));
        return this;
    }

    /// <summary>Binds a declared port to the node's port too (SM1004); the namespace then enforces Pod Security privileged.</summary>
    public Container WithHostPort(string portName, int hostPort, string reason)
    {
        Arguments.NotNull(portName, _owner.Reference);
        Arguments.NotNull(reason, _owner.Reference);
        var index = _ports.FindIndex(p => p.Name == portName);
        if (index < 0)
        {
            throw Invalid($"ports[{portName}].hostPort", $"port '{portName}' is not declared on container '{Name}'; add it with WithPort first");
        }

        RequirePortNumber($"ports[{portName}].hostPort", hostPort);
        _owner.RecordException(Rules.RuleIds.HostPort, Reasons.Require(reason, _owner.Reference, $"{Field}.ports[{portName}].hostPort"), PodSecurityLevel.Privileged);
        _ports[index] = _ports[index] with { HostPort = hostPort };
        return this;
    }

    /// <summary>
    /// Sets a plain environment variable. Values of secret-looking names are refused (SM2005): mount the secret
    /// with <c>WithSecretFiles</c>, or reference it with <see cref="WithSecretEnv"/>.
    /// </summary>
    public Container WithEnv(string name, string value)
    {
        Arguments.NotNull(name, _owner.Reference);
        Arguments.NotNull(value, _owner.Reference);
        RequireNewEnvName(name);
        if (DefinitionProblems.OfProcessString(value) is { } unprintable)
        {
            throw Invalid($"env[{name}].value", unprintable);
        }

        if (Rules.Semantics.SecretHeuristics.IsSecretLiteralEnv(name, value))
        {
            throw Invalid($"env[{name}].value",
                $"'{name}' looks like a secret and must not be a literal value (SM2005); mount the Secret with WithSecretFiles and pass its path (e.g. {name}_FILE), or use WithSecretEnv");
        }

        _env.Add(new V1EnvVar { Name = name, Value = value });
        return this;
    }

    /// <summary>Sets an environment variable from a key of a ConfigMap of the same app.</summary>
    public Container WithEnv(string name, ConfigMap configMap, string key)
    {
        Arguments.NotNull(name, _owner.Reference);
        Arguments.NotNull(configMap, _owner.Reference);
        Arguments.NotNull(key, _owner.Reference);
        RequireNewEnvName(name);
        _owner.RequireSameApp(configMap, $"{Field}.env[{name}]");
        configMap.RequireKey(key, $"{_owner.Reference} {Field}.env[{name}]");
        _env.Add(new V1EnvVar
        {
            Name = name,
            ValueFrom = new V1EnvVarSource { ConfigMapKeyRef = new V1ConfigMapKeySelector { Name = configMap.Name, Key = key } },
        });
        return this;
    }

    /// <summary>
    /// Sets an environment variable from a Secret key. Mounted files are preferred (they can be rotated and do not
    /// leak into crash dumps or child processes); the opt-in rule SM2006 reports this form.
    /// </summary>
    public Container WithSecretEnv(string name, SecretReference secret, string key)
    {
        Arguments.NotNull(name, _owner.Reference);
        Arguments.NotNull(secret, _owner.Reference);
        Arguments.NotNull(key, _owner.Reference);
        RequireNewEnvName(name);
        _owner.RequireSameApp(secret, $"{Field}.env[{name}]");
        secret.RequireKey(key, $"{_owner.Reference} {Field}.env[{name}]");
        _env.Add(new V1EnvVar
        {
            Name = name,
            ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = secret.Name, Key = key } },
        });
        return this;
    }

    /// <summary>Sets an environment variable from a field of the pod (Downward API <c>fieldRef</c>), e.g. its name or node.</summary>
    public Container WithEnvFromField(string name, EnvFieldPath field)
    {
        Arguments.NotNull(name, _owner.Reference);
        RequireNewEnvName(name);
        RequireDefined(field, $"env[{name}].valueFrom.fieldRef.fieldPath");
        _env.Add(new V1EnvVar
        {
            Name = name,
            ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { ApiVersion = "v1", FieldPath = field.ToApiValue() } },
        });
        return this;
    }

    /// <summary>
    /// Sets an environment variable from this container's requests or limits (Downward API <c>resourceFieldRef</c>),
    /// e.g. <c>GOMAXPROCS</c> from the CPU limit; <paramref name="divisor"/> scales it, e.g. <c>1Mi</c>.
    /// </summary>
    public Container WithEnvFromResource(string name, ResourceFieldPath resource, string? divisor = null)
    {
        Arguments.NotNull(name, _owner.Reference);
        RequireNewEnvName(name);
        RequireDefined(resource, $"env[{name}].valueFrom.resourceFieldRef.resource");
        if (divisor is not null && (!Quantities.IsValid(divisor) || Quantities.IsNegative(divisor) || divisor.TrimStart('0', '.').Length == 0))
        {
            throw Invalid($"env[{name}].valueFrom.resourceFieldRef.divisor", $"'{divisor}' is not a positive quantity; write e.g. 1m or 1Mi");
        }

        _env.Add(new V1EnvVar
        {
            Name = name,
            ValueFrom = new V1EnvVarSource
            {
                ResourceFieldRef = new V1ResourceFieldSelector
                {
                    ContainerName = Name,
                    Resource = resource.ToApiValue(),
                    Divisor = divisor is null ? null : Quantity.Of(divisor),
                },
            },
        });
        return this;
    }

    /// <summary>
    /// Sets one environment variable per key of a ConfigMap of the same app (<c>envFrom</c>), optionally prefixed.
    /// Its keys were checked not to look secret (SM2016); secrets stay mounted files.
    /// </summary>
    public Container WithEnvFrom(ConfigMap configMap, string? prefix = null)
    {
        Arguments.NotNull(configMap, _owner.Reference);
        _owner.RequireSameApp(configMap, $"{Field}.envFrom[{configMap.Name}]");
        if (prefix is not null && (prefix.Length == 0 || !KubernetesNames.IsEnvVarName(prefix)))
        {
            throw Invalid($"envFrom[{configMap.Name}].prefix", $"'{prefix}' is not a valid environment variable prefix: printable ASCII without '='");
        }

        if (_envFrom.Any(e => e.ConfigMapRef?.Name == configMap.Name))
        {
            throw Invalid($"envFrom[{configMap.Name}]", $"{configMap.Reference} is already imported into container '{Name}'");
        }

        _envFrom.Add(new V1EnvFromSource { ConfigMapRef = new V1ConfigMapEnvSource { Name = configMap.Name }, Prefix = prefix });
        return this;
    }

    /// <summary>When the kubelet pulls the image; unset leaves the Kubernetes default (IfNotPresent for tagged images).</summary>
    public Container WithImagePullPolicy(ImagePullPolicy policy)
    {
        RequireDefined(policy, "imagePullPolicy");
        _pullPolicy = policy;
        return this;
    }

    /// <summary>Runs <paramref name="handler"/> right after the container starts (<c>lifecycle.postStart</c>).</summary>
    public Container WithPostStart(LifecycleHandler handler)
    {
        Arguments.NotNull(handler, _owner.Reference);
        return SetHandler(ref _postStart, handler, "lifecycle.postStart");
    }

    /// <summary>Runs <paramref name="handler"/> before the container is stopped (<c>lifecycle.preStop</c>), e.g. to drain connections.</summary>
    public Container WithPreStop(LifecycleHandler handler)
    {
        Arguments.NotNull(handler, _owner.Reference);
        return SetHandler(ref _preStop, handler, "lifecycle.preStop");
    }

    public Container WithCommand(params string[] command)
    {
        Arguments.NoNulls(command, _owner.Reference);
        Arguments.ProcessStrings(command, _owner.Reference, $"{Field}.command");
        _command = command;
        return this;
    }

    public Container WithArgs(params string[] args)
    {
        Arguments.NoNulls(args, _owner.Reference);
        Arguments.ProcessStrings(args, _owner.Reference, $"{Field}.args");
        _args = args;
        return this;
    }

    /// <summary>Overrides requests and limits for this container; unset values come from the scope's resource profile.</summary>
    public Container WithResources(string? cpu = null, string? memory = null, string? memoryLimit = null, string? cpuLimit = null)
    {
        // Each value is judged under the name the caller wrote it with (cpu:, memory:, ...).
        foreach (var (parameter, value) in new[] { ("cpu", cpu), ("memory", memory), ("memoryLimit", memoryLimit), ("cpuLimit", cpuLimit) })
        {
            if (DefinitionProblems.Of(DefinitionValue.Quantity, value) is { } problem)
            {
                throw Invalid("resources", parameter + ": " + problem);
            }
        }

        var current = _resources ?? _owner.Defaults.ResolveResources();
        try
        {
            _resources = new ResourceProfile(cpu ?? current.CpuRequest, memory ?? current.MemoryRequest, memoryLimit ?? current.MemoryLimit, cpuLimit ?? current.CpuLimit);
        }
        catch (ArgumentException e)
        {
            throw Invalid("resources", e.Message.Split(" (Parameter", 2)[0]);
        }

        return this;
    }

    public Container WithLivenessProbe(Probe probe)
    {
        Arguments.NotNull(probe, _owner.Reference);
        return SetProbe(ref _liveness, probe, "livenessProbe");
    }

    public Container WithReadinessProbe(Probe probe)
    {
        Arguments.NotNull(probe, _owner.Reference);
        return SetProbe(ref _readiness, probe, "readinessProbe");
    }

    public Container WithStartupProbe(Probe probe)
    {
        Arguments.NotNull(probe, _owner.Reference);
        return SetProbe(ref _startup, probe, "startupProbe");
    }

    /// <summary>Adds a Linux capability beyond the dropped set; the reason is written to the output (SM1005/SM1006).</summary>
    public Container AllowCapability(string capability, string reason)
    {
        Arguments.NotNull(capability, _owner.Reference);
        Arguments.NotNull(reason, _owner.Reference);
        var name = capability.StartsWith("CAP_", StringComparison.Ordinal) ? capability[4..] : capability;
        if (name.Length == 0 || !name.All(c => c is (>= 'A' and <= 'Z') or '_' or (>= '0' and <= '9')))
        {
            throw Invalid("securityContext.capabilities.add", $"'{capability}' is not a Linux capability name such as NET_BIND_SERVICE");
        }

        var why = Reasons.Require(reason, _owner.Reference, $"{Field}.securityContext.capabilities.add");
        _addedCapabilities[name] = why;
        if (name != "NET_BIND_SERVICE")
        {
            var baseline = RelaxationEffects.BaselineCapabilities.Contains(name);
            _owner.RecordException(Rules.RuleIds.CapabilitiesNotDropped, why, baseline ? PodSecurityLevel.Baseline : PodSecurityLevel.Privileged);
            if (!baseline)
            {
                _owner.RecordException(Rules.RuleIds.DangerousCapabilityAdded, why, PodSecurityLevel.Privileged);
            }
        }

        return this;
    }

    /// <summary>A writable directory on the otherwise read-only filesystem, backed by an emptyDir volume.</summary>
    public Container WithWritablePath(string path, string? sizeLimit = null)
    {
        Arguments.NotNull(path, _owner.Reference);
        RequireMountPath(path);
        if (DefinitionProblems.Of(DefinitionValue.Quantity, sizeLimit) is { } badSize)
        {
            throw Invalid($"volumeMounts[{path}].sizeLimit", badSize);
        }

        var volume = _owner.AddVolume(VolumeNames.ForPath(path), () => new V1Volume
        {
            EmptyDir = new V1EmptyDirVolumeSource { SizeLimit = sizeLimit is null ? null : Quantity.Of(sizeLimit) },
        });
        _mounts.Add(new V1VolumeMount { Name = volume, MountPath = path });
        return this;
    }

    /// <summary>Mounts every key of a Secret as a read-only file under <paramref name="mountPath"/>, mode 0400 (0440 with fsGroup).</summary>
    public Container WithSecretFiles(SecretReference secret, string mountPath)
    {
        Arguments.NotNull(secret, _owner.Reference);
        Arguments.NotNull(mountPath, _owner.Reference);
        _owner.RequireSameApp(secret, $"{Field}.volumeMounts[{mountPath}]");
        RequireMountPath(mountPath);
        var volume = _owner.AddVolume("secret-" + secret.Name, () => new V1Volume
        {
            Secret = new V1SecretVolumeSource { SecretName = secret.Name, DefaultMode = _owner.Defaults.ResolveFsGroup() is null ? 0x100 : 0x120 },
        });
        _mounts.Add(new V1VolumeMount { Name = volume, MountPath = mountPath, ReadOnlyProperty = true });
        return this;
    }

    /// <summary>Mounts every key of a ConfigMap as a read-only file under <paramref name="mountPath"/>.</summary>
    public Container WithConfigFiles(ConfigMap configMap, string mountPath)
    {
        Arguments.NotNull(configMap, _owner.Reference);
        Arguments.NotNull(mountPath, _owner.Reference);
        _owner.RequireSameApp(configMap, $"{Field}.volumeMounts[{mountPath}]");
        RequireMountPath(mountPath);
        var volume = _owner.AddVolume("config-" + configMap.Name, () => new V1Volume
        {
            ConfigMap = new V1ConfigMapVolumeSource { Name = configMap.Name },
        });
        _mounts.Add(new V1VolumeMount { Name = volume, MountPath = mountPath, ReadOnlyProperty = true });
        return this;
    }

    /// <summary>Mounts a volume the workload defines elsewhere (host paths, claim templates).</summary>
    internal Container WithMount(string volume, string mountPath, bool readOnly)
    {
        RequireMountPath(mountPath);
        _mounts.Add(new V1VolumeMount { Name = volume, MountPath = mountPath, ReadOnlyProperty = readOnly ? true : null });
        return this;
    }

    internal V1Container ToModel(SortedDictionary<Relaxation, string> relaxations)
    {
        var resources = _resources ?? _owner.Defaults.ResolveResources();
        var privileged = relaxations.ContainsKey(Relaxation.Privileged);
        var limits = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal) { ["memory"] = Quantity.Of(resources.MemoryLimit) };
        if (resources.CpuLimit is not null)
        {
            limits["cpu"] = Quantity.Of(resources.CpuLimit);
        }

        return new V1Container
        {
            Name = Name,
            Image = Image.Value,
            Command = _command?.ToList(),
            Args = _args?.ToList(),
            Ports = _ports.Count == 0 ? null : [.. _ports.Select(p => p.ToModel())],
            Env = _env.Count == 0 ? null : [.. _env],
            EnvFrom = _envFrom.Count == 0 ? null : [.. _envFrom],
            ImagePullPolicy = _pullPolicy?.ToApiValue(),
            Lifecycle = _postStart is null && _preStop is null ? null : new V1Lifecycle { PostStart = _postStart?.ToModel(), PreStop = _preStop?.ToModel() },
            Resources = new V1ResourceRequirements
            {
                Requests = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal)
                {
                    ["cpu"] = Quantity.Of(resources.CpuRequest),
                    ["memory"] = Quantity.Of(resources.MemoryRequest),
                },
                Limits = limits,
            },
            VolumeMounts = _mounts.Count == 0 ? null : [.. _mounts],
            LivenessProbe = _liveness?.ToModel(),
            ReadinessProbe = _readiness?.ToModel(),
            StartupProbe = _startup?.ToModel(),
            SecurityContext = new V1SecurityContext
            {
                Privileged = privileged ? true : null,
                AllowPrivilegeEscalation = privileged || relaxations.ContainsKey(Relaxation.PrivilegeEscalation),
                ReadOnlyRootFilesystem = !relaxations.ContainsKey(Relaxation.WritableRootFilesystem),
                Capabilities = new V1Capabilities
                {
                    Drop = ["ALL"],
                    Add = _addedCapabilities.Count == 0 ? null : [.. _addedCapabilities.Keys],
                },
            },
        };
    }

    private Container SetProbe(ref Probe? slot, Probe probe, string field)
    {
        if (probe.Port is not null && _ports.All(p => p.Name != probe.Port))
        {
            throw Invalid($"{field}.port", $"port '{probe.Port}' is not a port of container '{Name}' (SM2009); declare it with WithPort first");
        }

        slot = probe;
        return this;
    }

    private Container SetHandler(ref LifecycleHandler? slot, LifecycleHandler handler, string field)
    {
        if (handler.Port is not null && _ports.All(p => p.Name != handler.Port))
        {
            throw Invalid($"{field}.httpGet.port", $"port '{handler.Port}' is not a port of container '{Name}'; declare it with WithPort first");
        }

        if (slot is not null)
        {
            throw Invalid(field, "is set twice; a container has one handler per hook");
        }

        slot = handler;
        return this;
    }

    private void RequireDefined<TEnum>(TEnum value, string field)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw Invalid(field, $"{value} is not a {typeof(TEnum).Name}");
        }
    }

    private void RequireNewEnvName(string name)
    {
        if (DefinitionProblems.Of(DefinitionValue.EnvVarName, name) is { } badName)
        {
            throw Invalid($"env[{name}].name", badName);
        }

        if (_env.Any(e => e.Name == name))
        {
            throw Invalid($"env[{name}]", $"environment variable '{name}' is set twice (SM2007)");
        }
    }

    private void RequireMountPath(string path)
    {
        if (DefinitionProblems.Of(DefinitionValue.MountPath, path) is { } badPath)
        {
            throw Invalid($"volumeMounts[{path}].mountPath", badPath);
        }

        if (_mounts.Any(m => m.MountPath == path))
        {
            throw Invalid($"volumeMounts[{path}].mountPath", $"'{path}' is mounted twice");
        }
    }

    private void RequirePortNumber(string field, int port)
    {
        if (DefinitionProblems.OfPort(port) is { } problem)
        {
            throw Invalid(field, problem);
        }
    }

    private ManifestDefinitionException Invalid(string field, string problem) => new(_owner.Reference, $"{Field}.{field}", problem);
}

/// <summary>A declared container port.</summary>
internal sealed record ContainerPortSpec(string Name, int Number, PortProtocol Protocol, int? HostPort)
{
    public V1ContainerPort ToModel() => new() { Name = Name, ContainerPort = Number, Protocol = Protocol.ToApiValue(), HostPort = HostPort };
}
