using System.Globalization;

namespace SecureManifests.Cli.Input;

/// <summary>
/// Sits between the raw text and the YAML scanner and enforces what the scanner would otherwise let
/// through or buffer without bound: NUL characters (binary input), undecodable bytes, and documents
/// larger than <see cref="ReaderLimits.MaxDocumentChars"/>. Also drops a leading byte-order mark.
/// </summary>
/// <remarks>
/// The scanner reads ahead of the document it is parsing, so throwing at the bad spot would lose the
/// valid documents before it. Instead the reader ends the text there (the scanner sees end of input)
/// and records <see cref="PendingError"/>; a document that reaches <see cref="ErrorIndex"/> was cut
/// short and is replaced by the error.
/// </remarks>
internal sealed class GuardedTextReader : TextReader
{
    private readonly TextReader inner;
    private readonly int maxDocumentChars;
    private readonly char[] buffer = new char[8 * 1024];
    private int pos;
    private int len;
    private bool started;

    // Line and column of buffer[0], for error positions.
    private int bufferLine = 1;
    private int bufferColumn = 1;
    private long bufferIndex;
    private long charsSinceDocumentStart;

    public GuardedTextReader(TextReader inner, int maxDocumentChars)
    {
        this.inner = inner;
        this.maxDocumentChars = maxDocumentChars;
    }

    /// <summary>Why the text was cut short, or null while it is intact.</summary>
    public InputRejectedException? PendingError { get; private set; }

    /// <summary>Character index at which the text was cut short.</summary>
    public long ErrorIndex { get; private set; } = long.MaxValue;

    /// <summary>Called when the parser starts a new document: the size limit counts from here.</summary>
    public void StartDocument() => charsSinceDocumentStart = 0;

    public override int Peek() => pos < len || Fill() ? buffer[pos] : -1;

    public override int Read()
    {
        if (pos >= len && !Fill())
        {
            return -1;
        }

        if (++charsSinceDocumentStart > maxDocumentChars)
        {
            StopHere(TooLarge());
            return -1;
        }

        return buffer[pos++];
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> destination)
    {
        if (destination.IsEmpty || (pos >= len && !Fill()))
        {
            return 0;
        }

        var n = Math.Min(destination.Length, len - pos);
        var allowed = maxDocumentChars - charsSinceDocumentStart;
        if (n > allowed)
        {
            n = (int)Math.Max(0, allowed);
            if (n == 0)
            {
                StopHere(TooLarge());
                return 0;
            }
        }

        charsSinceDocumentStart += n;
        buffer.AsSpan(pos, n).CopyTo(destination);
        pos += n;
        return n;
    }

    private bool Fill()
    {
        if (PendingError is not null)
        {
            return false;
        }

        if (len > 0)
        {
            (bufferLine, bufferColumn) = PositionOf(len);
            bufferIndex += len;
        }

        pos = 0;
        len = 0;
        while (len == 0)
        {
            int read;
            try
            {
                read = inner.Read(buffer, 0, buffer.Length);
            }
            catch (InputRejectedException ex)
            {
                Stop(ex);
                return false;
            }

            if (read == 0)
            {
                return false;
            }

            len = read;
            if (!started)
            {
                started = true;
                if (buffer[0] == '\uFEFF')
                {
                    // The mark is not a character of line 1: shift so the next one is column 1, index 0.
                    buffer.AsSpan(1, len - 1).CopyTo(buffer);
                    len--;
                }
            }
        }

        var nul = buffer.AsSpan(0, len).IndexOf('\0');
        if (nul >= 0)
        {
            var (line, column) = PositionOf(nul);
            len = nul;
            Stop(new InputRejectedException(line, column, "input contains a NUL character (binary file?)", ReadErrorKind.Yaml), bufferIndex + nul);
            return len > 0;
        }

        return true;
    }

    /// <summary>Ends the text at the current position: buffered characters after it are dropped.</summary>
    private void StopHere(InputRejectedException error)
    {
        Stop(error);
        len = pos;
    }

    private void Stop(InputRejectedException error, long? index = null)
    {
        PendingError ??= error;
        ErrorIndex = Math.Min(ErrorIndex, index ?? (bufferIndex + pos));
    }

    private (int Line, int Column) PositionOf(int index)
    {
        var span = buffer.AsSpan(0, index);
        var lastLineFeed = span.LastIndexOf('\n');
        return lastLineFeed < 0
            ? (bufferLine, bufferColumn + index)
            : (bufferLine + span.Count('\n'), index - lastLineFeed);
    }

    private InputRejectedException TooLarge()
    {
        var (line, column) = PositionOf(pos);
        return new InputRejectedException(
            line,
            column,
            string.Create(CultureInfo.InvariantCulture, $"document is larger than the limit of {maxDocumentChars} characters (ReaderLimits.MaxDocumentChars)"),
            ReadErrorKind.Limit);
    }
}
