#nullable enable
using System;

namespace SecureManifests.Validation;

/// <summary>
/// The name formats of the Kubernetes API (apimachinery <c>validation.IsDNS1123Label</c> and friends),
/// checked when an object is defined rather than when the API server rejects it.
/// </summary>
internal static class KubernetesNames
{
    public const int LabelMaxLength = 63;
    public const int SubdomainMaxLength = 253;
    public const int PortNameMaxLength = 15;

    /// <summary>Lower-case alphanumerics and '-', starting and ending alphanumeric, at most 63 characters.</summary>
    public static bool IsDns1123Label(string? value) =>
        value is { Length: > 0 and <= LabelMaxLength } && IsLabelBody(value);

    /// <summary>DNS-1123 labels joined by '.', at most 253 characters.</summary>
    public static bool IsDns1123Subdomain(string? value)
    {
        if (value is not { Length: > 0 and <= SubdomainMaxLength })
        {
            return false;
        }

        foreach (var part in value.Split('.'))
        {
            if (!IsDns1123Label(part))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A host name of an Ingress rule or an HTTPRoute: a DNS-1123 subdomain, optionally behind a leading <c>*.</c> wildcard.</summary>
    public static bool IsHostName(string? value) =>
        value is not null && IsDns1123Subdomain(value.StartsWith("*.", StringComparison.Ordinal) ? value.Substring(2) : value);

    /// <summary>
    /// An IANA service name as used for container and service port names: at most 15 characters, lower-case
    /// alphanumerics and '-', at least one letter, no leading, trailing or doubled '-'.
    /// </summary>
    public static bool IsPortName(string? value)
    {
        if (value is not { Length: > 0 and <= PortNameMaxLength } || !IsLabelBody(value) || value.IndexOf("--", StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is >= 'a' and <= 'z')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A label or annotation key: an optional DNS-1123 subdomain prefix and '/', then a qualified name.</summary>
    public static bool IsQualifiedKey(string? value)
    {
        if (value is null || value.Length == 0)
        {
            return false;
        }

        var slash = value.IndexOf('/');
        if (slash < 0)
        {
            return IsQualifiedName(value);
        }

        return IsDns1123Subdomain(value.Substring(0, slash)) && IsQualifiedName(value.Substring(slash + 1));
    }

    /// <summary>A label value: empty, or at most 63 alphanumerics, '-', '_' and '.', starting and ending alphanumeric.</summary>
    public static bool IsLabelValue(string? value) => value is not null && (value.Length == 0 || IsQualifiedName(value));

    /// <summary>A ConfigMap or Secret data key: alphanumerics, '-', '_' and '.', at most 253 characters.</summary>
    public static bool IsConfigKey(string? value)
    {
        if (value is not { Length: > 0 and <= SubdomainMaxLength } || value is "." or "..")
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(Ascii.IsLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An environment variable name: printable ASCII without '=' (the Kubernetes 1.30+ relaxed rule).</summary>
    public static bool IsEnvVarName(string? value)
    {
        if (value is null || value.Length == 0)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is < ' ' or > '~' or '=')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsQualifiedName(string value)
    {
        if (value.Length is 0 or > LabelMaxLength || !Ascii.IsLetterOrDigit(value[0]) || !Ascii.IsLetterOrDigit(value[value.Length - 1]))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(Ascii.IsLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLabelBody(string value)
    {
        if (!IsLowerAlphanumeric(value[0]) || !IsLowerAlphanumeric(value[value.Length - 1]))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(IsLowerAlphanumeric(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLowerAlphanumeric(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
