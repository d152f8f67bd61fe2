namespace SecureManifests.CommandLine;

/// <summary>
/// The words a setting accepts and the values they stand for, matched case-insensitively (<c>Restricted</c> in a
/// project file means <c>restricted</c>), in the order help and completion list them.
/// </summary>
internal sealed class WordTable<T>
    where T : struct
{
    private readonly (string Name, T Value)[] _entries;

    public WordTable(params (string Name, T Value)[] entries) => _entries = entries;

    /// <summary>The words, in order.</summary>
    public IEnumerable<string> Names => _entries.Select(e => e.Name);

    /// <summary>The value of <paramref name="text"/>; false when it is none of the words.</summary>
    public bool TryParse(string? text, out T value)
    {
        foreach (var (name, candidate) in _entries)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
