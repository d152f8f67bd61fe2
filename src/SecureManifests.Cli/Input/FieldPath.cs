using System.Globalization;
using System.Text;

namespace SecureManifests.Cli.Input;

/// <summary>One step of a field path: a mapping key, a sequence index, or a list item selected by its <c>name</c>.</summary>
internal readonly record struct PathSegment(string? Key, int Index, string? ItemName)
{
    public static PathSegment ForKey(string key) => new(key, -1, null);

    public static PathSegment ForIndex(int index) => new(null, index, null);

    public static PathSegment ForItemName(string name) => new(null, -1, name);
}

/// <summary>
/// Parses field paths: <c>spec.template.spec.containers[0].securityContext.privileged</c>, plus
/// <c>containers[api]</c> (the item whose <c>name</c> is api, as SDK errors write it) and
/// <c>labels['app.kubernetes.io/name']</c> for keys containing dots. Also reads the
/// <c>$.spec.replicas</c> paths System.Text.Json puts in its exceptions.
/// </summary>
internal static class FieldPath
{
    public static List<PathSegment> Parse(string path)
    {
        var segments = new List<PathSegment>();
        var i = path.StartsWith('$') ? 1 : 0;
        var key = new StringBuilder();
        while (i < path.Length)
        {
            var c = path[i];
            if (c == '.')
            {
                FlushKey(key, segments);
                i++;
            }
            else if (c == '[')
            {
                FlushKey(key, segments);
                i = ParseBracket(path, i + 1, segments);
            }
            else
            {
                key.Append(c);
                i++;
            }
        }

        FlushKey(key, segments);
        return segments;
    }

    /// <summary>Formats segments back to the dotted form, for messages.</summary>
    public static string Format(IEnumerable<PathSegment> segments)
    {
        var text = new StringBuilder();
        foreach (var segment in segments)
        {
            if (segment.Key is { } key)
            {
                if (key.Contains('.', StringComparison.Ordinal) || key.Contains('[', StringComparison.Ordinal))
                {
                    text.Append("['").Append(key).Append("']");
                }
                else
                {
                    if (text.Length > 0)
                    {
                        text.Append('.');
                    }

                    text.Append(key);
                }
            }
            else if (segment.ItemName is { } name)
            {
                text.Append('[').Append(name).Append(']');
            }
            else
            {
                text.Append('[').Append(segment.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }

        return text.ToString();
    }

    private static void FlushKey(StringBuilder key, List<PathSegment> segments)
    {
        if (key.Length > 0)
        {
            segments.Add(PathSegment.ForKey(key.ToString()));
            key.Clear();
        }
    }

    private static int ParseBracket(string path, int i, List<PathSegment> segments)
    {
        if (i < path.Length && path[i] is '\'' or '"')
        {
            var quote = path[i];
            var close = path.IndexOf(quote, i + 1);
            if (close < 0)
            {
                segments.Add(PathSegment.ForKey(path[(i + 1)..]));
                return path.Length;
            }

            segments.Add(PathSegment.ForKey(path[(i + 1)..close]));
            var end = path.IndexOf(']', close);
            return end < 0 ? path.Length : end + 1;
        }

        var closing = path.IndexOf(']', i);
        var inner = closing < 0 ? path[i..] : path[i..closing];
        segments.Add(int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? PathSegment.ForIndex(index)
            : PathSegment.ForItemName(inner));
        return closing < 0 ? path.Length : closing + 1;
    }
}
