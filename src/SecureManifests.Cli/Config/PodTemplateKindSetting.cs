using SecureManifests.Rules;

namespace SecureManifests.Cli.Config;

/// <summary>
/// One entry of the config's <c>pod-template-kinds</c>: a kind without a typed model whose objects carry a pod, and
/// where. The fields and their rules are those of the SDK's <c>PodTemplateKind</c> (group, kind, path, shape; a kind
/// matches in every version of its group), checked with its own check here so a bad entry is reported at its line.
/// </summary>
/// <param name="Group">The API group, such as <c>example.com</c>; empty for the core group.</param>
/// <param name="Kind">The kind, such as <c>Widget</c>.</param>
/// <param name="Path">The field names from the object's root to the pod template, joined by dots.</param>
/// <param name="IsPodSpec">True when the field holds a bare pod spec rather than a pod template.</param>
/// <param name="Line">Where the entry is written, for errors found when the engine takes it.</param>
/// <param name="Column">The column of the entry.</param>
internal sealed record PodTemplateKindSetting(string Group, string Kind, string Path, bool IsPodSpec, int Line, int Column)
{
    /// <summary>The words of the <c>shape</c> field.</summary>
    public const string TemplateShape = "template";

    /// <inheritdoc cref="TemplateShape"/>
    public const string PodSpecShape = "pod-spec";

    /// <summary>What is wrong with the entry, in the SDK's own words (<c>PodTemplateKind</c>'s), or null when it is valid.</summary>
    public static string? Problem(string group, string kind, string path) => PodTemplateKind.ProblemOf(group, kind, path);
}
