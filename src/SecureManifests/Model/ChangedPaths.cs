using System.Text.Json.Nodes;
using k8s;

namespace SecureManifests.Model;

/// <summary>
/// The fields a <c>Customize</c> changed, as field paths in the notation of findings (<c>spec.template.spec.hostNetwork</c>,
/// <c>containers[0]</c>), found by comparing the object's JSON before and after the change.
/// </summary>
internal static class ChangedPaths
{
    public static JsonNode? Snapshot(IKubernetesObject obj) => JsonNode.Parse(KubernetesJson.Serialize(obj));

    public static IReadOnlyList<string> Between(JsonNode? before, JsonNode? after)
    {
        var paths = new List<string>();
        Compare(before, after, string.Empty, paths);
        return paths;
    }

    /// <summary>A finding's path with map keys as fields: <c>metadata.labels[app]</c> is <c>metadata.labels.app</c>.</summary>
    public static string Normalize(string path)
    {
        var text = new System.Text.StringBuilder(path.Length);
        for (var i = 0; i < path.Length; i++)
        {
            var close = path[i] == '[' ? path.IndexOf(']', i) : -1;
            if (close > i && !path.AsSpan(i + 1, close - i - 1).ContainsAnyExceptInRange('0', '9'))
            {
                text.Append(path, i, close - i + 1);
                i = close;
            }
            else if (close > i)
            {
                text.Append('.').Append(path, i + 1, close - i - 1);
                i = close;
            }
            else
            {
                text.Append(path[i]);
            }
        }

        return text.ToString();
    }

    /// <summary>Whether a finding at <paramref name="finding"/> is about the changed field <paramref name="changed"/>: the same field, inside it, or around it.</summary>
    public static bool Related(string changed, string finding) =>
        changed == finding || Inside(finding, changed) || Inside(changed, finding);

    private static bool Inside(string path, string container) =>
        path.Length > container.Length && path.StartsWith(container, StringComparison.Ordinal) && path[container.Length] is '.' or '[';

    private static void Compare(JsonNode? before, JsonNode? after, string path, List<string> paths)
    {
        switch (before, after)
        {
            case (JsonObject a, JsonObject b):
                foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key), StringComparer.Ordinal))
                {
                    Compare(a[key], b[key], path.Length == 0 ? key : path + "." + key, paths);
                }

                break;
            case (JsonArray a, JsonArray b):
                for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
                {
                    Compare(i < a.Count ? a[i] : null, i < b.Count ? b[i] : null, path + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", paths);
                }

                break;
            default:
                if (!JsonNode.DeepEquals(before, after))
                {
                    paths.Add(path);
                }

                break;
        }
    }
}
