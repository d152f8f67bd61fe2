using System.Buffers;
using System.Text;
using System.Text.Json;

namespace SecureManifests.Cli.Lint;

/// <summary>
/// A <see cref="Utf8JsonWriter"/> whose output is passed on to a <see cref="TextWriter"/> chunk by chunk as it is
/// written, so a JSON report of any size never sits in memory.
/// </summary>
internal sealed class StreamedJson : IDisposable
{
    private const int ChunkBytes = 32 * 1024;

    private readonly ArrayBufferWriter<byte> _buffer = new(2 * ChunkBytes);
    private readonly TextWriter _output;
    private char[] _chars = new char[Encoding.UTF8.GetMaxCharCount(2 * ChunkBytes)];

    public StreamedJson(TextWriter output)
    {
        _output = output;
        Json = new Utf8JsonWriter(_buffer, JsonReportWriter.WriterOptions);
    }

    /// <summary>The writer to write the document with.</summary>
    public Utf8JsonWriter Json { get; }

    /// <summary>Passes the written bytes on once a chunk is full. Call between values: a chunk then ends on a whole character.</summary>
    public void PassOnWhenFull()
    {
        if (Json.BytesPending + _buffer.WrittenCount >= ChunkBytes)
        {
            PassOn();
        }
    }

    /// <summary>Passes on the rest of a complete document and ends its line.</summary>
    public void Finish()
    {
        PassOn();
        _output.Write('\n');
    }

    public void Dispose() => Json.Dispose();

    private void PassOn()
    {
        Json.Flush();
        var bytes = _buffer.WrittenSpan;
        if (_chars.Length < Encoding.UTF8.GetMaxCharCount(bytes.Length))
        {
            _chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        }

        var count = Encoding.UTF8.GetChars(bytes, _chars);
        _output.Write(_chars, 0, count);
        _buffer.ResetWrittenCount();
    }
}
