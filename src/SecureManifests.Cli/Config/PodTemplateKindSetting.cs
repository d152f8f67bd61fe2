using System.Text.RegularExpressions;
using SecureManifests.Validation;

namespace SecureManifests.Cli.Config;

/// <summary>
/// One entry of the config's <c>pod-template-kinds</c>: a kind without a typed model whose objects carry a pod, and
/// where. The fields and their rules are those of the SDK's <c>PodTemplateKind</c> (group, kind, path, shape; a kind
/// matches in every version of its group), checked here so a bad entry is reported at its line in the file.
/// </summary>
/// <param name="Group">The API group, such as <c>example.com</c>; empty for the core group.</param>
/// <param name="Kind">The kind, such as <c>Widget</c>.</param>
/// <param name="Path">The field names from the object's root to the pod template, joined by dots.</param>
/// <param name="IsPodSpec">True when the field holds a bare pod spec rather than a pod template.</param>
/// <param name="Line">Where the entry is written, for errors found when the engine takes it.</param>
/// <param name="Column">The column of the entry.</param>
internal sealed partial record PodTemplateKindSetting(string Group, string Kind, string Path, bool IsPodSpec, int Line, int Column)
{
    /// <summary>The words of the <c>shape</c> field.</summary>
    public const string TemplateShape = "template";

    /// <inheritdoc cref="TemplateShape"/>
    public const string PodSpecShape = "pod-spec";

    /// <summary>What is wrong with the entry, worded as the SDK words it, or null when it is valid.</summary>
    public static string? Problem(string group, string kind, string path)
    {
        var subject = $"pod-template kind '{kind}'";
        if (group.Contains('/', StringComparison.Ordinal))
        {
            return $"{subject}: group '{group}' is an apiVersion; give its group only ('{group[..group.IndexOf('/', StringComparison.Ordinal)]}'): a kind matches in every version of its group";
        }

        if (group.Length > 0 && !KubernetesNames.IsDns1123Subdomain(group))
        {
            return $"{subject}: group '{group}' is not an API group: use lower-case DNS labels joined by dots, such as example.com";
        }

        if (!KindName().IsMatch(kind))
        {
            return $"{subject}: a kind is a name of letters and digits that starts with a letter, such as Widget";
        }

        if (!FieldPath().IsMatch(path))
        {
            return $"{subject}: path '{path}' is not a field path: write the field names from the object's root joined by dots, such as spec.template (no list positions)";
        }

        var root = path.Split('.')[0];
        return root is "apiVersion" or "kind" or "metadata"
            ? $"{subject}: path '{path}' starts at the object's {root}, which holds no pod: the template lives under a field such as spec"
            : null;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex KindName();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)*$")]
    private static partial Regex FieldPath();
}
