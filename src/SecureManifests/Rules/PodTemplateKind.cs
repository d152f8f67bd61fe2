using System.Text.RegularExpressions;
using SecureManifests.Validation;

namespace SecureManifests.Rules;

/// <summary>What the field at a <see cref="PodTemplateKind.Path"/> holds.</summary>
public enum PodTemplateShape
{
    /// <summary>A pod template (<c>metadata</c> and <c>spec</c>), as in a Deployment's <c>spec.template</c>.</summary>
    Template,

    /// <summary>A bare pod spec (<c>containers</c>, <c>volumes</c>, ...), with no metadata of its own.</summary>
    PodSpec,
}

/// <summary>
/// A kind without a typed model whose objects carry a pod, and where: for example OpenShift's DeploymentConfig keeps a
/// pod template at <c>spec.template</c>. Every pod rule checks that pod, at its own field paths, and the cross-object
/// rules see its labels. A kind is matched by API group and kind, in every version of the group: a CRD's served
/// versions keep their pod template in one place far more often than not, and a version added later is then checked
/// instead of silently passed. Kinds with a typed model (Deployment, Job, ...) are found by type and need no entry.
/// </summary>
public sealed partial class PodTemplateKind : IEquatable<PodTemplateKind>
{
    /// <summary>
    /// Describes the kind <paramref name="kind"/> of API group <paramref name="group"/>, whose pod template (or pod spec,
    /// per <paramref name="shape"/>) is the field at <paramref name="path"/>.
    /// </summary>
    /// <param name="group">The API group, such as <c>apps.openshift.io</c> (the part of apiVersion before the <c>/</c>; empty for the core group).</param>
    /// <param name="kind">The kind, such as <c>DeploymentConfig</c>.</param>
    /// <param name="path">The field names from the object's root to the template, joined by dots, such as <c>spec.template</c>.</param>
    /// <param name="shape">What the field holds; a pod template unless given.</param>
    /// <exception cref="ArgumentException">The group, kind or path is not valid; the message says which and why.</exception>
    public PodTemplateKind(string group, string kind, string path, PodTemplateShape shape = PodTemplateShape.Template)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(path);
        if (ProblemOf(group, kind, path, shape) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        Group = group;
        Kind = kind;
        Path = path;
        Shape = shape;
    }

    /// <summary>The API group; empty for the core group.</summary>
    public string Group { get; }

    /// <summary>The kind.</summary>
    public string Kind { get; }

    /// <summary>The path of the pod template or pod spec, such as <c>spec.template</c>.</summary>
    public string Path { get; }

    /// <summary>Whether <see cref="Path"/> holds a pod template or a bare pod spec.</summary>
    public PodTemplateShape Shape { get; }

    /// <summary>The path of the pod spec: <c>spec.template.spec</c> for a template at <c>spec.template</c>.</summary>
    public string PodSpecPath => Shape == PodTemplateShape.Template ? Path + ".spec" : Path;

    /// <summary>The path of the pod's metadata, or empty for a bare pod spec (which has none).</summary>
    public string PodMetadataPath => Shape == PodTemplateShape.Template ? Path + ".metadata" : string.Empty;

    /// <inheritdoc />
    public bool Equals(PodTemplateKind? other) =>
        other is not null && Group == other.Group && Kind == other.Kind && Path == other.Path && Shape == other.Shape;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PodTemplateKind);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Group, Kind, Path, Shape);

    /// <summary><c>DeploymentConfig (apps.openshift.io) at spec.template</c>.</summary>
    public override string ToString() =>
        $"{Kind} ({(Group.Length == 0 ? "core" : Group)}) at {Path}" + (Shape == PodTemplateShape.PodSpec ? " (pod spec)" : string.Empty);

    /// <summary>
    /// What is wrong with a description, as the constructor words it, or null when it is valid: for readers of a
    /// configuration that report the problem at the entry's line rather than catch the exception.
    /// </summary>
    internal static string? ProblemOf(string group, string kind, string path, PodTemplateShape shape = PodTemplateShape.Template)
    {
        var subject = $"pod-template kind '{kind}'";
        if (group.Contains('/', StringComparison.Ordinal))
        {
            return $"{subject}: group '{group}' is an apiVersion; give its group only ('{ApiGroups.Of(group)}'): a kind matches in every version of its group";
        }

        if (group.Length > 0 && !KubernetesNames.IsDns1123Subdomain(group))
        {
            return $"{subject}: group '{group}' is not an API group: use lower-case DNS labels joined by dots, such as example.com";
        }

        if (!KindName().IsMatch(kind))
        {
            return $"{subject}: a kind is a name of letters and digits that starts with a letter, such as Widget";
        }

        if (!Enum.IsDefined(shape))
        {
            return $"{subject}: shape {(int)shape} is neither {nameof(PodTemplateShape.Template)} nor {nameof(PodTemplateShape.PodSpec)}";
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
