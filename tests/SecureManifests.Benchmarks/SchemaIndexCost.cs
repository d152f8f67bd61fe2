using System.Diagnostics;
using System.Globalization;
using k8s;
using k8s.Models;
using SecureManifests.Rules.Schema;

namespace SecureManifests.Benchmarks;

/// <summary>
/// What SM2018's schema index costs when built whole: every k8s.Models type reachable from every typed kind, each
/// type's fields read by reflection once. Lint builds it lazily, type by type, as its input reaches them.
/// </summary>
public static class SchemaIndexCost
{
    public static string Measure()
    {
        // First what one Pod costs (what `lint pod.yaml` pays), then the whole index on top.
        var first = Stopwatch.StartNew();
        var pod = ModelSchema.For(typeof(V1Pod))!;
        var spec = ModelSchema.ShapeOf(pod.Fields["spec"]).Model!;
        var touched = new[] { pod, ModelSchema.ShapeOf(pod.Fields["metadata"]).Model!, spec, ModelSchema.ShapeOf(spec.Fields["containers"]).Items!.Model! };
        var podFields = touched.Sum(t => t.Fields.Count);
        first.Stop();

        var clock = Stopwatch.StartNew();
        var kinds = typeof(V1Pod).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IKubernetesObject).IsAssignableFrom(t))
            .ToList();
        var seen = new HashSet<ModelSchema>();
        var pending = new Stack<ModelSchema>();
        foreach (var kind in kinds)
        {
            if (ModelSchema.For(kind) is { } root && seen.Add(root))
            {
                pending.Push(root);
            }
        }

        var fields = 0;
        while (pending.Count > 0)
        {
            foreach (var type in pending.Pop().Fields.Values)
            {
                fields++;
                for (var s = ModelSchema.ShapeOf(type); s is not null; s = s.Items ?? s.Values)
                {
                    if (s.Model is { } model && seen.Add(model))
                    {
                        pending.Push(model);
                    }
                }
            }
        }

        clock.Stop();
        return string.Create(CultureInfo.InvariantCulture,
            $"schema index: a Pod's 4 types ({podFields} fields) in {first.Elapsed.TotalMilliseconds:F1} ms; " +
            $"the whole index, {kinds.Count} object types, {seen.Count} model types, {fields} fields, in {clock.Elapsed.TotalMilliseconds:F0} ms more");
    }
}
