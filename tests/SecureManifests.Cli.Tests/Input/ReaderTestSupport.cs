using System.Text;
using SecureManifests.Cli.Input;

namespace SecureManifests.Cli.Tests.Input;

/// <summary>Reads YAML given as text or bytes through the public reader.</summary>
internal static class ReaderTestSupport
{
    public static List<ReadResult> ReadText(string yaml, ReaderLimits? limits = null, string sourceName = "test.yaml") =>
        new ManifestReader().Read(sourceName, new StringReader(yaml), limits).ToList();

    public static List<ReadResult> ReadBytes(byte[] bytes, ReaderLimits? limits = null, string sourceName = "test.yaml")
    {
        using var stream = new MemoryStream(bytes);
        return new ManifestReader().Read(sourceName, stream, limits).ToList();
    }

    public static List<ReadResult> ReadUtf8(string yaml, ReaderLimits? limits = null) =>
        ReadBytes(Encoding.UTF8.GetBytes(yaml), limits);

    public static SourceDocument SingleDocument(string yaml)
    {
        var results = ReadText(yaml);
        var result = Assert.Single(results);
        return Assert.IsType<SourceDocument>(result, exactMatch: true);
    }

    public static ReadError SingleError(IReadOnlyList<ReadResult> results)
    {
        var result = Assert.Single(results);
        return Assert.IsType<ReadError>(result, exactMatch: true);
    }

    /// <summary>Joins lines with '\n' so positions in tests do not depend on the checkout's line endings.</summary>
    public static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";
}
