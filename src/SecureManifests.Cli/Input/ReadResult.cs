namespace SecureManifests.Cli.Input;

/// <summary>
/// One item produced by <see cref="ManifestReader.Read(string, TextReader, ReaderLimits?)"/>:
/// either a <see cref="SourceDocument"/> or a <see cref="ReadError"/>.
/// </summary>
internal abstract class ReadResult
{
    private protected ReadResult(string sourceName, int line, int column)
    {
        SourceName = sourceName;
        Line = line;
        Column = column;
    }

    /// <summary>The file name (or <c>-</c> for stdin) given to the reader.</summary>
    public string SourceName { get; }

    /// <summary>1-based line of the document start (for a document) or of the problem (for an error).</summary>
    public int Line { get; }

    /// <summary>1-based column, like <see cref="Line"/>.</summary>
    public int Column { get; }
}
