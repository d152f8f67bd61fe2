using SecureManifests.Validation;

namespace SecureManifests.Model;

/// <summary>Which Kubernetes name format an object's name must follow.</summary>
internal enum NameFormat
{
    /// <summary>DNS-1123 label: namespaces, services, and workloads (their names become pod host names and labels).</summary>
    Label,

    /// <summary>DNS-1123 subdomain: ConfigMaps, Secrets, RBAC objects and most others.</summary>
    Subdomain,
}

internal static class NameFormatExtensions
{
    public static string? Check(this NameFormat format, string? name) => format switch
    {
        NameFormat.Label when !KubernetesNames.IsDns1123Label(name) =>
            $"'{name}' is not a valid name: use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit (DNS-1123 label)",
        NameFormat.Subdomain when !KubernetesNames.IsDns1123Subdomain(name) =>
            $"'{name}' is not a valid name: use at most 253 lower-case letters, digits, '-' and '.', each part starting and ending with a letter or digit (DNS-1123 subdomain)",
        _ => null,
    };
}
