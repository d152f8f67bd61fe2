#nullable enable
namespace SecureManifests.Validation;

/// <summary>The kinds of value the SDK checks when an app is defined; the analyzers check literal arguments the same way.</summary>
internal enum DefinitionValue
{
    /// <summary>A DNS-1123 label: apps, namespaces, workloads, containers, Services.</summary>
    LabelName,

    /// <summary>A DNS-1123 subdomain: ConfigMaps, Secrets, roles, Ingresses.</summary>
    SubdomainName,

    /// <summary>A container or service port number, 1-65535.</summary>
    PortNumber,

    /// <summary>A port name (IANA service name).</summary>
    PortName,

    /// <summary>A resource quantity such as <c>250m</c> or <c>64Mi</c>.</summary>
    Quantity,

    /// <summary>An environment variable name.</summary>
    EnvVarName,

    /// <summary>An absolute mount path.</summary>
    MountPath,

    /// <summary>A cron schedule or macro.</summary>
    CronSchedule,

    /// <summary>A container image reference.</summary>
    Image,

    /// <summary>A label key: an optional DNS-subdomain prefix and '/', then a qualified name.</summary>
    LabelKey,

    /// <summary>A label value.</summary>
    LabelValue,

    /// <summary>A string a container's process receives: an environment value, a command or an argument.</summary>
    ProcessString,
}
