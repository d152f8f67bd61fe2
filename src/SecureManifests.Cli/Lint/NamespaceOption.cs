using System.CommandLine;
using SecureManifests.CommandLine;
using SecureManifests.Validation;

namespace SecureManifests.Cli.Lint;

/// <summary><c>-n, --namespace NS</c>: the namespace objects without one go to, a DNS-1123 label as Kubernetes requires.</summary>
internal static class NamespaceOption
{
    public static Option<string> Create() => TextOption.Create(
        "--namespace",
        "NS",
        "the namespace objects without one go to (as kubectl apply -n NS); without it, namespaced objects with no namespace are flagged (SM4001)",
        value => Problem(value) is { } problem ? "--namespace " + problem : null,
        "-n");

    /// <summary>What is wrong with <paramref name="value"/> as a namespace, or null; for the option and the config file.</summary>
    public static string? Problem(string value) =>
        KubernetesNames.IsDns1123Label(value)
            ? null
            : $"'{value}' is not a valid namespace name (lower-case letters, digits and '-', at most 63)";
}
