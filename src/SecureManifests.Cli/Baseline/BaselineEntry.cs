using SecureManifests.Cli.Lint;

namespace SecureManifests.Cli.Baseline;

/// <summary>
/// A finding as a baseline knows it: the rule, the object's identity (API group, kind, namespace, name) and the field,
/// with no line or column, so moving the object in its file, or to another file, keeps it in the baseline. The same
/// finding can stand more than once on one object (<see cref="Count"/>): a baseline is a multiset.
/// </summary>
internal sealed record BaselineEntry(string RuleId, string Group, string Kind, string Namespace, string Name, string Path, int Count = 1)
{
    /// <summary>The order of a baseline file: rule ID, group, kind, namespace, name, path, ordinal.</summary>
    public static readonly Comparison<BaselineEntry> Order = (a, b) =>
    {
        var order = string.CompareOrdinal(a.RuleId, b.RuleId);
        order = order != 0 ? order : string.CompareOrdinal(a.Group, b.Group);
        order = order != 0 ? order : string.CompareOrdinal(a.Kind, b.Kind);
        order = order != 0 ? order : string.CompareOrdinal(a.Namespace, b.Namespace);
        order = order != 0 ? order : string.CompareOrdinal(a.Name, b.Name);
        return order != 0 ? order : string.CompareOrdinal(a.Path, b.Path);
    };

    /// <summary>The entry of one finding.</summary>
    public static BaselineEntry Of(LocatedFinding f) =>
        new(f.Finding.RuleId, f.Group, f.Finding.Kind, f.Finding.Namespace ?? string.Empty, f.Finding.Name, f.Finding.Path);

    /// <summary>What the entry stands for, in one line: <c>SM1001 Pod/shop/web spec.containers[0]...</c>.</summary>
    public string Describe()
    {
        var group = Group.Length == 0 ? string.Empty : $" ({Group})";
        var times = Count == 1 ? string.Empty : $" (x{Count})";
        return $"{RuleId} {LocatedFinding.ObjectNames(Kind, Namespace, Name)}{group} at {Path}{times}";
    }

    /// <summary>The entry without its count, the key findings are matched by.</summary>
    public BaselineEntry Key => Count == 1 ? this : this with { Count = 1 };
}
