using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SecureManifests.Cli.Lint;
using SecureManifests.CommandLine;
using SecureManifests.Rules;

namespace SecureManifests.Cli.Commands;

/// <summary><c>secure-manifests rules [--format text|json]</c>: the rule catalogue.</summary>
internal static class RulesCommand
{
    private static readonly RuleProfile[] Profiles = [RuleProfile.Baseline, RuleProfile.Restricted, RuleProfile.Secure, RuleProfile.All];

    private static readonly SettingOption<ReportFormat> Format = new()
    {
        Name = "--format",
        Aliases = ["-f"],
        HelpName = "F",
        Values = "text | json (default: text)",
        Parse = (string text, out ReportFormat format) => ReportFormats.TryParse(text, out format) && format is ReportFormat.Text or ReportFormat.Json,
        Unknown = value => $"unknown format '{value}' for rules; use text or json",
        Words = () => ReportFormats.Names.Where(name => name is "text" or "json"),
    };

    public static Command Create(CliConsole console)
    {
        var format = Format.Create();
        var command = new Command("rules", "list every rule: ID, name, default severity, profiles, title") { format };
        command.SetAction(result =>
        {
            if (result.GetValue(format) == ReportFormat.Json)
            {
                WriteJson(console.Output);
            }
            else
            {
                WriteText(console.Output);
            }

            return ExitCodes.Success;
        });
        return command;
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
