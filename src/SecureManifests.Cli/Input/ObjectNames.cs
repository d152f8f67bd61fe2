using System.Globalization;
using SecureManifests.Validation;

namespace SecureManifests.Cli.Input;

/// <summary>
/// Checks <c>metadata.name</c> and <c>metadata.namespace</c> against the rule every kind's name follows, the loosest
/// of the API server (apimachinery <c>ValidatePathSegmentName</c>, used by RBAC and custom resources): not empty,
/// not <c>.</c> or <c>..</c>, no <c>/</c> or <c>%</c>, at most 253 characters; and no control characters, which no
/// kind needs and which could forge report lines. An object that fails is an input error, not linted.
/// </summary>
/// <remarks>
/// The stricter per-kind formats (DNS-1123 subdomains for Pods, labels for Namespaces) are not enforced here:
/// test fixtures commonly break them (the Pod Security Admission conformance fixtures use names like
/// <c>capabilities_baseline0</c>), and an input error would stop them being linted at all.
/// </remarks>
internal static class ObjectNames
{
    /// <summary>Why <paramref name="name"/> cannot name any Kubernetes object, or null when some kind accepts it.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return "it is empty";
        }

        if (name.Length > KubernetesNames.SubdomainMaxLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"it is longer than {KubernetesNames.SubdomainMaxLength} characters");
        }

        if (name.Any(PrintableText.IsControl))
        {
            return "it contains a control character";
        }

        if (name is "." or "..")
        {
            return "it may not be '.' or '..'";
        }

        return name.AsSpan().IndexOfAny('/', '%') >= 0 ? "it may not contain '/' or '%'" : null;
    }
}
