using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SecureManifests.Packaging.Tests.Lsp;

/// <summary>
/// The LSP base protocol on a byte stream: each message is a header block (<c>Content-Length: N</c>, ended by an
/// empty line) followed by N bytes of UTF-8 JSON.
/// </summary>
internal static class LspFraming
{
    private const string LengthHeader = "Content-Length:";

    public static async Task WriteAsync(Stream stream, JsonNode message, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{LengthHeader} {body.Length}\r\n\r\n"));
        await stream.WriteAsync(header, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The next message, or <see langword="null"/> when the stream ended between messages.</summary>
    public static async Task<JsonNode?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        int? length = null;
        while (await ReadHeaderLineAsync(stream, cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                if (length is not { } bodyLength)
                {
                    throw new InvalidDataException("LSP message without a Content-Length header.");
                }

                var body = new byte[bodyLength];
                await stream.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
                return JsonNode.Parse(body);
            }

            if (line.StartsWith(LengthHeader, StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line.AsSpan(LengthHeader.Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }

        return length is null ? null : throw new EndOfStreamException("LSP stream ended inside a message header.");
    }

    /// <summary>One ASCII header line without its CR LF; <see langword="null"/> at the end of the stream.</summary>
    private static async Task<string?> ReadHeaderLineAsync(Stream stream, CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0)
            {
                return line.Length == 0 ? null : throw new EndOfStreamException("LSP stream ended inside a header line.");
            }

            if (one[0] == (byte)'\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)one[0]);
        }
    }
}
