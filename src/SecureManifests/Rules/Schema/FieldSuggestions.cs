using System.Collections.Concurrent;
using SecureManifests.CommandLine;

namespace SecureManifests.Rules.Schema;

/// <summary>
/// Where a field that its object's model does not have was likely meant to go, as a full path: the same name in
/// another case, the same name one to three objects further down (<c>runAsUser</c> under a container belongs in its
/// <c>securityContext</c>, <c>requests</c> in its <c>resources</c>), or further up (a container's <c>resources</c>
/// written inside its <c>securityContext</c>), else a near spelling. Nothing when the guess would be a list of more
/// than <see cref="MaxCandidates"/> places.
/// </summary>
internal static class FieldSuggestions
{
    /// <summary>How many places one suggestion may name before it helps no more than none.</summary>
    public const int MaxCandidates = 3;

    private const int MaxDepth = 3;

    private static readonly ConcurrentDictionary<ModelSchema, Dictionary<string, List<(int Depth, string Path)>>> Descendants = new();

    /// <summary>
    /// The likely place of <paramref name="name"/>, an unknown field of <paramref name="model"/> at
    /// <paramref name="path"/>, whose enclosing objects (nearest first) are <paramref name="ancestors"/>.
    /// </summary>
    public static string? For(string name, ModelSchema model, string path, IReadOnlyList<(ModelSchema Model, string Path)> ancestors)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(ancestors);
        foreach (var field in model.Fields.Keys)
        {
            if (string.Equals(field, name, StringComparison.OrdinalIgnoreCase))
            {
                return Join(path, field);
            }
        }

        if (Below(model).TryGetValue(name, out var places))
        {
            var shallowest = places.Min(p => p.Depth);
            var candidates = places.Where(p => p.Depth == shallowest).Select(p => path.Length == 0 ? p.Path : path + "." + p.Path)
                .Order(StringComparer.Ordinal).ToList();
            return candidates.Count <= MaxCandidates ? Or(candidates) : null;
        }

        foreach (var (ancestor, ancestorPath) in ancestors)
        {
            if (ancestor.Fields.ContainsKey(name))
            {
                return Join(ancestorPath, name);
            }
        }

        return NearSpelling(name, model) is { } spelled ? Join(path, spelled) : null;
    }

    /// <summary>A field path: <paramref name="path"/> and then <paramref name="field"/> (<c>['a.b']</c> when the name has a dot).</summary>
    public static string Join(string path, string field) =>
        field.Contains('.', StringComparison.Ordinal) || field.Contains('[', StringComparison.Ordinal)
            ? path + "['" + field + "']"
            : path.Length == 0 ? field : path + "." + field;

    private static string Or(List<string> candidates) =>
        candidates.Count == 1 ? candidates[0] : string.Join(", ", candidates.Take(candidates.Count - 1)) + " or " + candidates[^1];

    // Every field name reachable from the model through objects and list items, with its depth and relative path.
    private static Dictionary<string, List<(int Depth, string Path)>> Below(ModelSchema model) =>
        Descendants.GetOrAdd(model, static root =>
        {
            var found = new Dictionary<string, List<(int, string)>>(StringComparer.Ordinal);
            var level = new List<(ModelSchema Model, string Path)> { (root, string.Empty) };
            for (var depth = 1; depth <= MaxDepth && level.Count > 0; depth++)
            {
                var next = new List<(ModelSchema, string)>();
                foreach (var (current, currentPath) in level)
                {
                    foreach (var (field, type) in current.Fields)
                    {
                        var shape = ModelSchema.ShapeOf(type);
                        var (child, step) = shape.Items is { Model: { } item } ? (item, field + "[]") : (shape.Model, field);
                        if (child is null)
                        {
                            continue;
                        }

                        var childPath = currentPath.Length == 0 ? step : currentPath + "." + step;
                        foreach (var name in child.Fields.Keys)
                        {
                            if (!found.TryGetValue(name, out var places))
                            {
                                found[name] = places = new List<(int, string)>();
                            }

                            places.Add((depth, childPath + "." + name));
                        }

                        next.Add((child, childPath));
                    }
                }

                level = next;
            }

            return found;
        });

    // One field within two edits (one for short names) of the unknown name, when only one is that near.
    private static string? NearSpelling(string name, ModelSchema model)
    {
        var allowed = name.Length < 5 ? 1 : 2;
        string? best = null;
        var bestDistance = int.MaxValue;
        var ties = 0;
        foreach (var field in model.Fields.Keys)
        {
            // Only names of about the same length can be that near; the rest need no distance computed.
            if (Math.Abs(name.Length - field.Length) > allowed)
            {
                continue;
            }

            var distance = EditDistance.Between(name, field);
            if (distance > allowed || distance > bestDistance)
            {
                continue;
            }

            ties = distance == bestDistance ? ties + 1 : 1;
            bestDistance = distance;
            best = field;
        }

        return ties == 1 ? best : null;
    }
}
