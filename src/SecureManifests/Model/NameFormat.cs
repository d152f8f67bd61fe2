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
    public static string? Check(this NameFormat format, string? name) =>
        DefinitionProblems.Of(format == NameFormat.Label ? DefinitionValue.LabelName : DefinitionValue.SubdomainName, name);
}
