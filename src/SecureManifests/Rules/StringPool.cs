namespace SecureManifests.Rules;

/// <summary>
/// One instance per distinct string, for the values an evaluation keeps of many objects (kinds, namespaces, field
/// paths): a million Pods share a handful of them, and the reader makes a new copy per document.
/// </summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    public string Intern(string value)
    {
        if (_strings.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        _strings.Add(value, value);
        return value;
    }

    public string? InternOrNull(string? value) => value is null ? null : Intern(value);
}
