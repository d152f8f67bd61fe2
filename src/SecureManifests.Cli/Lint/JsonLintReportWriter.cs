using System.Text.Json;

namespace SecureManifests.Cli.Lint;

/// <summary>
/// The JSON formats (json, sarif): one JSON document, streamed chunk by chunk as it is written.
/// </summary>
internal abstract class JsonLintReportWriter(TextWriter output) : LintReportWriter
{
    private readonly StreamedJson _stream = new(output);

    /// <summary>The writer of the document.</summary>
    protected Utf8JsonWriter Json => _stream.Json;

    /// <inheritdoc />
    public sealed override void Finish(LintSummary summary)
    {
        WriteEnd(summary);
        _stream.Finish();
    }

    /// <summary>Passes what is written on once a chunk is full; call after each finding.</summary>
    protected void PassOnWhenFull() => _stream.PassOnWhenFull();

    /// <summary>Writes the rest of the document after the last finding.</summary>
    protected abstract void WriteEnd(LintSummary summary);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stream.Dispose();
        }

        base.Dispose(disposing);
    }
}
