namespace SecureManifests.Cli.Baseline;

/// <summary>
/// The findings of a <c>--baseline</c>, as a multiset: each finding of the run uses up one count of its entry, first
/// come first served in the run's (deterministic) report order; what no finding used up is fixed.
/// </summary>
internal sealed class BaselineMatcher
{
    private readonly Dictionary<BaselineEntry, int> _remaining = new();

    public BaselineMatcher(IEnumerable<BaselineEntry> entries)
    {
        foreach (var entry in entries)
        {
            var key = entry.Key;
            _remaining[key] = _remaining.GetValueOrDefault(key) + entry.Count;
        }
    }

    /// <summary>Whether <paramref name="entry"/> is in the baseline, using one count of it up.</summary>
    public bool TryConsume(BaselineEntry entry)
    {
        if (_remaining.TryGetValue(entry, out var count) && count > 0)
        {
            _remaining[entry] = count - 1;
            return true;
        }

        return false;
    }

    /// <summary>The entries no finding used up, with the counts left, sorted.</summary>
    public List<BaselineEntry> Fixed()
    {
        var left = _remaining.Where(p => p.Value > 0).Select(p => p.Key with { Count = p.Value }).ToList();
        left.Sort(BaselineEntry.Order);
        return left;
    }
}

/// <summary>The findings a <c>--write-baseline</c> records: every unsuppressed one, counted per entry.</summary>
internal sealed class BaselineRecorder
{
    private readonly Dictionary<BaselineEntry, int> _counts = new();

    public void Add(BaselineEntry entry) => _counts[entry] = _counts.GetValueOrDefault(entry) + 1;

    /// <summary>The entries with their counts, sorted.</summary>
    public List<BaselineEntry> Entries()
    {
        var entries = _counts.Select(p => p.Key with { Count = p.Value }).ToList();
        entries.Sort(BaselineEntry.Order);
        return entries;
    }
}
