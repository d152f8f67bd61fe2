namespace SecureManifests.Cli.Input;

/// <summary>
/// Reads Kubernetes manifests (multi-document YAML, JSON, <c>kind: List</c>) into typed objects that
/// remember where each field is written. Streams one document at a time, so memory follows the largest
/// document rather than the input. Hostile input (alias bombs, deep nesting, binary data, invalid
/// UTF-8, oversized documents, syntax errors) produces <see cref="ReadError"/> results; no exception
/// escapes enumeration for anything in the input.
/// </summary>
internal sealed class ManifestReader
{
    /// <summary>
    /// Reads text. <paramref name="sourceName"/> is only used in positions and messages (use <c>-</c> for stdin).
    /// The reader is not disposed.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API so callers can hold and substitute a reader.")]
    public IEnumerable<ReadResult> Read(string sourceName, TextReader input, ReaderLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(input);
        var effective = limits ?? ReaderLimits.Default;
        effective.Validate();
        return ReadAll(sourceName, input, effective);
    }

    /// <summary>
    /// Reads bytes, which must be UTF-8 (an initial byte-order mark is allowed). Invalid UTF-8 is
    /// reported with its byte offset, line and column rather than replaced. The stream is not disposed.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API so callers can hold and substitute a reader.")]
    public IEnumerable<ReadResult> Read(string sourceName, Stream input, ReaderLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(input);
        var effective = limits ?? ReaderLimits.Default;
        effective.Validate();
        return ReadAll(sourceName, new StrictUtf8Reader(input), effective);
    }

    private static IEnumerable<ReadResult> ReadAll(string sourceName, TextReader input, ReaderLimits limits)
    {
        using var source = new SourceReader(sourceName, input, limits);
        var batch = new List<ReadResult>();
        while (source.ReadNext(batch))
        {
            foreach (var result in batch)
            {
                yield return result;
            }

            batch.Clear();
        }

        foreach (var result in batch)
        {
            yield return result;
        }
    }
}
