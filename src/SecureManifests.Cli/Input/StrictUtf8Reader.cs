using System.Buffers;
using System.Globalization;
using System.Text.Unicode;

namespace SecureManifests.Cli.Input;

/// <summary>
/// Decodes a byte stream as strict UTF-8. Unlike <see cref="StreamReader"/>, which silently replaces
/// bad bytes with U+FFFD (and would let a linter check text that differs from what the cluster gets),
/// it stops at the first invalid sequence and reports its byte offset, line and column. Text before
/// the bad byte is still delivered, so earlier documents are read normally.
/// </summary>
internal sealed class StrictUtf8Reader : TextReader
{
    private const byte LineFeed = (byte)'\n';
    private const int ChunkBytes = 16 * 1024;

    private readonly Stream stream;
    private readonly byte[] bytes = new byte[ChunkBytes];
    private readonly char[] chars = new char[ChunkBytes];
    private int leftoverBytes;
    private int charPos;
    private int charLen;
    private long chunkOffset;
    private int line = 1;
    private int column = 1;
    private bool ended;
    private InputRejectedException? pendingError;

    public StrictUtf8Reader(Stream stream)
    {
        this.stream = stream;
    }

    public override int Peek() => charPos < charLen || Fill() ? chars[charPos] : -1;

    public override int Read() => charPos < charLen || Fill() ? chars[charPos++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty || (charPos >= charLen && !Fill()))
        {
            return 0;
        }

        var n = Math.Min(buffer.Length, charLen - charPos);
        chars.AsSpan(charPos, n).CopyTo(buffer);
        charPos += n;
        return n;
    }

    private bool Fill()
    {
        if (pendingError is not null)
        {
            throw pendingError;
        }

        while (!ended)
        {
            var read = stream.Read(bytes, leftoverBytes, bytes.Length - leftoverBytes);
            var count = leftoverBytes + read;
            var isFinal = read == 0;
            var status = Utf8.ToUtf16(bytes.AsSpan(0, count), chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false, isFinalBlock: isFinal);
            charPos = 0;
            charLen = charsWritten;
            Advance(bytes.AsSpan(0, bytesRead));

            if (status == OperationStatus.InvalidData)
            {
                // Deliver the valid text first; the error surfaces when the reader gets to it.
                pendingError = Rejected(bytes.AsSpan(bytesRead, count - bytesRead), chunkOffset + bytesRead, isFinal);
                if (charLen > 0)
                {
                    return true;
                }

                throw pendingError;
            }

            // NeedMoreData: a character is split across reads; keep its bytes for the next one.
            chunkOffset += bytesRead;
            leftoverBytes = count - bytesRead;
            bytes.AsSpan(bytesRead, leftoverBytes).CopyTo(bytes);
            ended = isFinal;
            if (charLen > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Tracks line and column (in characters) of the next undecoded byte, for error messages.</summary>
    private void Advance(ReadOnlySpan<byte> consumed)
    {
        var lastLineFeed = consumed.LastIndexOf(LineFeed);
        if (lastLineFeed >= 0)
        {
            line += consumed.Count(LineFeed);
            column = 1;
            consumed = consumed[(lastLineFeed + 1)..];
        }

        foreach (var b in consumed)
        {
            // Count only the first byte of each UTF-8 sequence: one character (or surrogate pair).
            if ((b & 0xC0) != 0x80)
            {
                column++;
            }
        }
    }

    private InputRejectedException Rejected(ReadOnlySpan<byte> rest, long offset, bool atEnd)
    {
        if (offset == 0 && rest.Length >= 2 && ((rest[0] == 0xFF && rest[1] == 0xFE) || (rest[0] == 0xFE && rest[1] == 0xFF)))
        {
            return new InputRejectedException(line, column, "input is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8", ReadErrorKind.Yaml);
        }

        var message = atEnd && IsTruncatedSequence(rest)
            ? string.Create(CultureInfo.InvariantCulture, $"input is not valid UTF-8: truncated character at the end (byte offset {offset})")
            : string.Create(CultureInfo.InvariantCulture, $"input is not valid UTF-8: invalid byte 0x{rest[0]:X2} at byte offset {offset} (binary file?)");
        return new InputRejectedException(line, column, message, ReadErrorKind.Yaml);
    }

    private static bool IsTruncatedSequence(ReadOnlySpan<byte> rest)
    {
        if (rest.IsEmpty || rest.Length > 3 || rest[0] < 0xC2)
        {
            return false;
        }

        foreach (var b in rest[1..])
        {
            if ((b & 0xC0) != 0x80)
            {
                return false;
            }
        }

        return true;
    }
}
