namespace SecureManifests.Cli.Input;

/// <summary>
/// Raised inside the reader pipeline when the raw input cannot be read any further (invalid UTF-8,
/// NUL bytes, a document over the size limit). Never escapes <see cref="ManifestReader"/>: it becomes
/// a <see cref="ReadError"/> that ends the source.
/// </summary>
internal sealed class InputRejectedException : Exception
{
    public InputRejectedException(int line, int column, string message, ReadErrorKind kind)
        : base(message)
    {
        Line = line;
        Column = column;
        Kind = kind;
    }

    /// <summary><see cref="ReadErrorKind.Yaml"/> for text that is not YAML, <see cref="ReadErrorKind.Limit"/> for a bound.</summary>
    public ReadErrorKind Kind { get; }

    public int Line { get; }

    public int Column { get; }
}
