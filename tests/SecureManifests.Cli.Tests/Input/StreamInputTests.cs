using System.Text;
using k8s.Models;
using SecureManifests.Cli.Input;

namespace SecureManifests.Cli.Tests.Input;

public class StreamInputTests
{
    private const string Yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: café}\ndata: {emoji: \"🔒 ünïcødé\"}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: two}\n";

    [Fact]
    public void Multibyte_characters_split_across_reads_decode_correctly()
    {
        using var stream = new TrickleStream(Encoding.UTF8.GetBytes(Yaml));

        var documents = new ManifestReader().Read("s.yaml", stream).Cast<SourceDocument>().ToList();

        Assert.Equal(["café", "two"], documents.Select(d => d.Name));
        Assert.Equal("🔒 ünïcødé", Assert.IsType<V1ConfigMap>(documents[0].Object).Data["emoji"]);
    }

    [Fact]
    public void Invalid_byte_split_across_reads_is_located_exactly()
    {
        var prefix = Encoding.UTF8.GetBytes("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: é");
        using var stream = new TrickleStream(prefix.Concat(new byte[] { 0xE2, 0x82, 0x41, (byte)'}', (byte)'\n' }).ToArray());

        var error = Assert.IsType<ReadError>(Assert.Single(new ManifestReader().Read("s.yaml", stream)));

        Assert.Equal((3, 19), (error.Line, error.Column));
        Assert.Contains("byte offset " + prefix.Length, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_stream_becomes_a_read_error()
    {
        using var stream = new FailingStream();

        var error = Assert.IsType<ReadError>(Assert.Single(new ManifestReader().Read("-", stream)));

        Assert.Equal("-:1:1: could not read input: disk on fire", error.ToString());
        Assert.True(error.EndsSource);
    }

    /// <summary>Returns one byte per read, the worst case for a decoder that must carry partial characters.</summary>
    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 1)]);
    }

    private sealed class FailingStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("disk on fire");

        public override int Read(Span<byte> buffer) => throw new IOException("disk on fire");
    }
}
