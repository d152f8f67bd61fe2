using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SecureManifests.Cli.Lint;
using SecureManifests.Rules;

namespace SecureManifests.Cli.Commands;

/// <summary><c>secure-manifests rules [--format text|json]</c>: the rule catalogue.</summary>
internal static class RulesCommand
{
    public const string Usage = """
        usage: secure-manifests rules [--format text|json]
          lists every rule: ID, name, default severity, profiles, title
        """;

    private static readonly RuleProfile[] Profiles = [RuleProfile.Baseline, RuleProfile.Restricted, RuleProfile.Secure, RuleProfile.All];

    public static int Run(IReadOnlyList<string> args, int start, CliConsole console)
    {
        var json = false;
        var cursor = new ArgumentCursor(args, start);
        while (cursor.Next(out var option, out var positional))
        {
            switch (option)
            {
                case null:
                    throw new UsageException($"rules takes no argument, got '{positional}'");
                case "-h" or "--help":
                    console.Output.Line(Usage);
                    return ExitCodes.Success;
                case "--format" or "-f":
                    var value = cursor.Value();
                    json = value switch
                    {
                        "json" => true,
                        "text" => false,
                        _ => throw new UsageException($"unknown format '{value}' for rules; use text or json"),
                    };
                    break;
                default:
                    throw new UsageException($"unknown option '{option}' for rules");
            }
        }

        if (json)
        {
            WriteJson(console.Output);
        }
        else
        {
            WriteText(console.Output);
        }

        return ExitCodes.Success;
    }

    private static string ProfileNames(RuleDescriptor rule) =>
        string.Join(',', Profiles.Where(rule.IsInProfile).Select(p => p.ToString().ToLowerInvariant()));

    private static void WriteText(TextWriter output)
    {
        var rules = RuleCatalog.All;
        var nameWidth = rules.Max(r => r.Name.Length);
        var profileWidth = rules.Max(r => ProfileNames(r).Length);
        output.Line(string.Create(CultureInfo.InvariantCulture,
            $"{"ID",-7} {"NAME".PadRight(nameWidth)} {"SEVERITY",-8} {"PROFILES".PadRight(profileWidth)} TITLE"));
        foreach (var rule in rules)
        {
            output.Line(string.Create(CultureInfo.InvariantCulture,
                $"{rule.Id,-7} {rule.Name.PadRight(nameWidth)} {SeverityNames.Of(rule.DefaultSeverity),-8} {ProfileNames(rule).PadRight(profileWidth)} {rule.Title}"));
        }
    }

    private static void WriteJson(TextWriter output)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var json = new Utf8JsonWriter(buffer, JsonReportWriter.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartArray("rules");
            foreach (var rule in RuleCatalog.All)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("name", rule.Name);
                json.WriteString("title", rule.Title);
                json.WriteString("category", rule.Category);
                json.WriteString("defaultSeverity", SeverityNames.Of(rule.DefaultSeverity));
                json.WriteString("level", rule.Level.ToString().ToLowerInvariant());
                json.WriteStartArray("profiles");
                foreach (var profile in Profiles.Where(rule.IsInProfile))
                {
                    json.WriteStringValue(profile.ToString().ToLowerInvariant());
                }

                json.WriteEndArray();
                json.WriteString("helpUri", rule.HelpUri);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Line(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
