namespace SecureManifests.Cli;

/// <summary>Line output with <c>\n</c> on every platform, so reports are byte-identical everywhere.</summary>
internal static class TextWriterExtensions
{
    public static void Line(this TextWriter writer, string text)
    {
        writer.Write(text);
        writer.Write('\n');
    }
}
