using System.Globalization;
using System.Text.Json;
using SecureManifests.Cli.Config;
using SecureManifests.Cli.Lint;

namespace SecureManifests.Cli.Baseline;

/// <summary>
/// The baseline file, JSON, format version 1 (see docs/configuration.md):
/// <c>{"version":1,"findings":[{"ruleId","group","kind","namespace","name","path","count"}]}</c>, entries sorted by
/// <see cref="BaselineEntry.Order"/> and merged by count, two-space indented with <c>\n</c> line ends, so the same
/// findings give the same bytes and a change to the baseline reads as a small diff in review.
/// </summary>
internal static class BaselineFile
{
    /// <summary>The format version written, and the only one read.</summary>
    public const int Version = 1;

    /// <summary>Writes <paramref name="entries"/> (sorted, merged) to <paramref name="stream"/>.</summary>
    public static void Write(IEnumerable<BaselineEntry> entries, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, JsonReportWriter.WriterOptions);
        json.WriteStartObject();
        json.WriteNumber("version", Version);
        json.WriteStartArray("findings");
        foreach (var entry in entries)
        {
            WriteEntry(json, entry);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>Writes one entry as an object, as the baseline and the json report's <c>baselineFixed</c> hold it.</summary>
    public static void WriteEntry(Utf8JsonWriter json, BaselineEntry entry)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", entry.RuleId);
        json.WriteString("group", entry.Group);
        json.WriteString("kind", entry.Kind);
        json.WriteString("namespace", entry.Namespace);
        json.WriteString("name", entry.Name);
        json.WriteString("path", entry.Path);
        json.WriteNumber("count", entry.Count);
        json.WriteEndObject();
    }

    /// <summary>Reads the baseline at <paramref name="fullPath"/>, named <paramref name="displayName"/> in errors.</summary>
    /// <exception cref="SettingsFileException">The file cannot be read, is not JSON, or is not a baseline of this version.</exception>
    public static List<BaselineEntry> Read(string fullPath, string displayName)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SettingsFileException(displayName, 1, 1, $"cannot read the baseline: {e.Message}");
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return Entries(document.RootElement, displayName);
        }
        catch (JsonException e)
        {
            throw new SettingsFileException(displayName, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, $"the baseline is not valid JSON: {e.Message.Split(" LineNumber", 2)[0].TrimEnd('.', ' ')}");
        }
    }

    private static List<BaselineEntry> Entries(JsonElement root, string file)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number)
        {
            throw Problem(file, "not a baseline: expected {\"version\": 1, \"findings\": [...]}, as --write-baseline writes it");
        }

        if (!version.TryGetInt32(out var number) || number != Version)
        {
            throw Problem(file, $"baseline version {version.GetRawText()} is not supported; this tool reads and writes version {Version}: write it again with --write-baseline");
        }

        if (!root.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
        {
            throw Problem(file, "the baseline has no \"findings\" list");
        }

        var entries = new List<BaselineEntry>();
        var index = 0;
        foreach (var item in findings.EnumerateArray())
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"findings[{index++}]");
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Problem(file, $"{where} is not an object");
            }

            var count = item.TryGetProperty("count", out var c) ? (c.TryGetInt32(out var n) && n > 0 ? n : throw Problem(file, $"{where}.count must be a whole number of at least 1")) : 1;
            entries.Add(new BaselineEntry(
                Text(item, "ruleId", where, file), Text(item, "group", where, file), Text(item, "kind", where, file),
                Text(item, "namespace", where, file), Text(item, "name", where, file), Text(item, "path", where, file), count));
        }

        return entries;
    }

    private static string Text(JsonElement item, string property, string where, string file) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Problem(file, $"{where}.{property} must be a string");

    // The JSON model keeps no positions; the entry's index says where the problem is.
    private static SettingsFileException Problem(string file, string message) => new(file, 1, 1, message);
}
