using System.Globalization;
using SecureManifests.Validation;

namespace SecureManifests.Cli.Input;

/// <summary>
/// A document (or the rest of a file) that could not be read. The message is one line, names the
/// document and field where known, and never contains a stack trace.
/// </summary>
internal sealed class ReadError : ReadResult
{
    internal ReadError(string sourceName, int line, int column, string message, int? documentIndex, bool endsSource)
        : base(sourceName, line, column)
    {
        // Messages quote names, keys and values from the input: escaped here, they stay one safe line.
        Message = PrintableText.Escape(message);
        DocumentIndex = documentIndex;
        EndsSource = endsSource;
    }

    /// <summary>What is wrong, in one line.</summary>
    public string Message { get; }

    /// <summary>0-based index of the YAML document in the source, when the error belongs to one.</summary>
    public int? DocumentIndex { get; }

    /// <summary>
    /// True when the reader could not continue after this error (syntax error, invalid encoding, size
    /// limit): later documents of the same source were not read.
    /// </summary>
    public bool EndsSource { get; }

    /// <summary>The error as <c>source:line:column: message</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{PrintableText.Escape(SourceName)}:{Line}:{Column}: {Message}");
}
