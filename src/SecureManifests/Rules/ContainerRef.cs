using k8s.Models;

namespace SecureManifests.Rules;

/// <summary>Which list of the pod spec a container comes from.</summary>
internal enum ContainerKind
{
    /// <summary><c>initContainers</c>.</summary>
    Init = 0,

    /// <summary><c>containers</c>.</summary>
    Regular = 1,

    /// <summary><c>ephemeralContainers</c>.</summary>
    Ephemeral = 2,
}

/// <summary>
/// One container of a pod spec, whichever list it is in. Regular, init and ephemeral containers are
/// different model types, so checks read them through this one view.
/// </summary>
internal sealed class ContainerRef
{
    internal ContainerRef(V1Container container, ContainerKind kind, int index, string podSpecPath)
    {
        ArgumentNullException.ThrowIfNull(container);
        Kind = kind;
        Index = index;
        Name = container.Name ?? string.Empty;
        Path = BuildPath(podSpecPath, kind, index);
        Image = container.Image;
        SecurityContext = container.SecurityContext;
        Ports = container.Ports;
        Env = container.Env;
        EnvFrom = container.EnvFrom;
        Resources = container.Resources;
        VolumeMounts = container.VolumeMounts;
        LivenessProbe = container.LivenessProbe;
        ReadinessProbe = container.ReadinessProbe;
        StartupProbe = container.StartupProbe;
        Lifecycle = container.Lifecycle;
    }

    internal ContainerRef(V1EphemeralContainer container, int index, string podSpecPath)
    {
        ArgumentNullException.ThrowIfNull(container);
        Kind = ContainerKind.Ephemeral;
        Index = index;
        Name = container.Name ?? string.Empty;
        Path = BuildPath(podSpecPath, ContainerKind.Ephemeral, index);
        Image = container.Image;
        SecurityContext = container.SecurityContext;
        Ports = container.Ports;
        Env = container.Env;
        EnvFrom = container.EnvFrom;
        Resources = container.Resources;
        VolumeMounts = container.VolumeMounts;
        LivenessProbe = container.LivenessProbe;
        ReadinessProbe = container.ReadinessProbe;
        StartupProbe = container.StartupProbe;
        Lifecycle = container.Lifecycle;
    }

    /// <summary>Which list the container is in.</summary>
    public ContainerKind Kind { get; }

    /// <summary>Index within its list.</summary>
    public int Index { get; }

    /// <summary>The container's name (empty when unset).</summary>
    public string Name { get; }

    /// <summary>The container's path, such as <c>spec.template.spec.initContainers[0]</c>.</summary>
    public string Path { get; }

    /// <summary>How messages name it: <c>container 'api'</c>, <c>init container 'migrate'</c>, ...</summary>
    public string Description => Kind switch
    {
        ContainerKind.Init => "init container '" + Name + "'",
        ContainerKind.Ephemeral => "ephemeral container '" + Name + "'",
        _ => "container '" + Name + "'",
    };

    /// <summary>The image reference.</summary>
    public string? Image { get; }

    /// <summary>The container security context.</summary>
    public V1SecurityContext? SecurityContext { get; }

    /// <summary>The declared ports.</summary>
    public IList<V1ContainerPort>? Ports { get; }

    /// <summary>The environment variables.</summary>
    public IList<V1EnvVar>? Env { get; }

    /// <summary>The environment sources.</summary>
    public IList<V1EnvFromSource>? EnvFrom { get; }

    /// <summary>Requests and limits.</summary>
    public V1ResourceRequirements? Resources { get; }

    /// <summary>The volume mounts.</summary>
    public IList<V1VolumeMount>? VolumeMounts { get; }

    /// <summary>The liveness probe.</summary>
    public V1Probe? LivenessProbe { get; }

    /// <summary>The readiness probe.</summary>
    public V1Probe? ReadinessProbe { get; }

    /// <summary>The startup probe.</summary>
    public V1Probe? StartupProbe { get; }

    /// <summary>The lifecycle hooks.</summary>
    public V1Lifecycle? Lifecycle { get; }

    private static string BuildPath(string podSpecPath, ContainerKind kind, int index)
    {
        var list = kind switch
        {
            ContainerKind.Init => ".initContainers[",
            ContainerKind.Ephemeral => ".ephemeralContainers[",
            _ => ".containers[",
        };
        return podSpecPath + list + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
    }
}
