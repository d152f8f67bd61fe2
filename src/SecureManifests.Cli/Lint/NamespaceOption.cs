using System.CommandLine;
using SecureManifests.CommandLine;

namespace SecureManifests.Cli.Lint;

/// <summary><c>-n, --namespace NS</c>: the namespace objects without one go to, a DNS-1123 label as Kubernetes requires.</summary>
internal static class NamespaceOption
{
    public static Option<string> Create() => TextOption.Create(
        "--namespace",
        "NS",
        "the namespace objects without one go to (as kubectl apply -n NS); without it, namespaced objects with no namespace are flagged (SM4001)",
        value => IsLabel(value) ? null : $"--namespace '{value}' is not a valid namespace name (lower-case letters, digits and '-', at most 63)",
        "-n");

    private static bool IsLabel(string value) =>
        value.Length is > 0 and <= 63
        && (char.IsAsciiLetterLower(value[0]) || char.IsAsciiDigit(value[0]))
        && (char.IsAsciiLetterLower(value[^1]) || char.IsAsciiDigit(value[^1]))
        && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
