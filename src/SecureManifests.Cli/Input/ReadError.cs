using System.Globalization;
using SecureManifests.Validation;

namespace SecureManifests.Cli.Input;

/// <summary>
/// A document (or the rest of a file) that could not be read. The message is one line, names the
/// document and field where known, and never contains a stack trace.
/// </summary>
internal sealed class ReadError : ReadResult
{
    internal ReadError(string sourceName, int line, int column, string message, int? documentIndex, ReadErrorKind kind)
        : base(sourceName, line, column)
    {
        Kind = kind;
        // Messages quote names, keys and values from the input: escaped here, they stay one safe line.
        Message = PrintableText.Escape(message);
        DocumentIndex = documentIndex;
    }

    /// <summary>What is wrong, in one line.</summary>
    public string Message { get; }

    /// <summary>0-based index of the YAML document in the source, when the error belongs to one.</summary>
    public int? DocumentIndex { get; }

    /// <summary>Which layer refused the input.</summary>
    public ReadErrorKind Kind { get; }

    /// <summary>
    /// True when the reader could not continue after this error: every failure below the object layer ends
    /// the source (the scanner is never driven over the rest of a broken document), so later documents of
    /// the same source were not read.
    /// </summary>
    public bool EndsSource => Kind is not (ReadErrorKind.Object or ReadErrorKind.NotAnObject);

    /// <summary>The error as <c>source:line:column: message</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{PrintableText.Escape(SourceName)}:{Line}:{Column}: {Message}");
}

/// <summary>Which layer of the reader refused the input.</summary>
internal enum ReadErrorKind
{
    /// <summary>The text is not YAML: syntax, encoding, NUL characters, undefined aliases.</summary>
    Yaml,

    /// <summary>Valid YAML beyond a <see cref="ReaderLimits"/> bound (size, depth, nodes, scalar length).</summary>
    Limit,

    /// <summary>
    /// YAML that parses but that a Kubernetes object may not use: complex keys, duplicate keys (a representation
    /// error in YAML, which parsers and the YAML test suite let through), a &lt;&lt; merge of a scalar.
    /// </summary>
    Unsupported,

    /// <summary>Valid YAML that is not a valid Kubernetes object (no apiVersion, wrong field type, bad name).</summary>
    Object,

    /// <summary>
    /// Valid YAML that does not try to be a Kubernetes object: a document that is not a mapping, or one without a
    /// <c>kind</c> (a values file, a workflow, a chart's Chart.yaml). In a folder, a file of nothing else is skipped.
    /// </summary>
    NotAnObject,

    /// <summary>The input could not be read at all (I/O failure, internal error).</summary>
    Read,
}
