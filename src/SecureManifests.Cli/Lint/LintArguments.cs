using SecureManifests.Rules;
using SecureManifests.Synthesis;

namespace SecureManifests.Cli.Lint;

/// <summary>Parses the arguments of <c>lint</c> into <see cref="LintOptions"/>.</summary>
internal static class LintArguments
{
    public const string Usage = """
        usage: secure-manifests lint PATH... | -  [options]
          PATH                 a file, or a folder searched recursively for *.yaml, *.yml and *.json; - reads stdin
          --profile P          baseline | restricted | secure | all                       (default: secure)
          --pss-version V      Pod Security Standards version v1.0 .. v1.37 or latest      (default: latest)
          --format F           text | json | sarif                                         (default: text)
          --fail-on S          error | warning | info: exit 1 on findings this severe      (default: error)
          --include IDS        comma-separated rule IDs to check in addition to the profile
          --exclude IDS        comma-separated rule IDs not to check
          --namespace NS       the namespace objects without one go to (as kubectl apply -n NS);
                               without it, namespaced objects with no namespace are flagged (SM4001)
          -h, --help           show this help
        exit codes: 0 no finding at or above --fail-on; 1 findings; 2 usage error or an input that could not be read
        """;

    /// <summary>Parses; returns null when help was asked for.</summary>
    /// <exception cref="UsageException">An argument is wrong; the message says which and why.</exception>
    public static LintOptions? Parse(IReadOnlyList<string> args, int start)
    {
        var options = new LintOptions();
        var cursor = new ArgumentCursor(args, start);
        while (cursor.Next(out var option, out var positional))
        {
            if (positional is not null)
            {
                options.Paths.Add(positional);
                continue;
            }

            switch (option)
            {
                case "-h" or "--help":
                    return null;
                case "--profile":
                    options.Profile = ParseProfile(cursor.Value());
                    break;
                case "--pss-version":
                    options.PssVersion = ParsePssVersion(cursor.Value());
                    break;
                case "--format" or "-f":
                    options.Format = ParseFormat(cursor.Value());
                    break;
                case "--fail-on":
                    options.FailOn = ParseSeverity(cursor.Value());
                    break;
                case "--include":
                    AddRuleIds(options.Include, cursor.Value(), "--include");
                    break;
                case "--exclude":
                    AddRuleIds(options.Exclude, cursor.Value(), "--exclude");
                    break;
                case "--namespace" or "-n":
                    options.DefaultNamespace = ParseNamespace(cursor.Value());
                    break;
                default:
                    throw new UsageException($"unknown option '{option}' for lint");
            }
        }

        if (options.Paths.Count == 0)
        {
            throw new UsageException("lint needs at least one PATH (a file, a folder, or - for stdin)");
        }

        if (options.Paths.Count(p => p == "-") > 1)
        {
            throw new UsageException("- (stdin) can be given only once");
        }

        return options;
    }

    public static RuleProfile ParseProfile(string value) =>
        SettingNames.TryParseProfile(value, out var profile) ? profile : throw new UsageException(SettingNames.UnknownProfile(value));

    public static PssVersion ParsePssVersion(string value) =>
        PssVersion.TryParse(value, out var version)
            ? version
            : throw new UsageException(SettingNames.UnknownPssVersion(value));

    public static RuleSeverity ParseSeverity(string value) =>
        SettingNames.TryParseSeverity(value, out var severity) ? severity : throw new UsageException(SettingNames.UnknownSeverity(value));

    private static ReportFormat ParseFormat(string value) => value switch
    {
        "text" => ReportFormat.Text,
        "json" => ReportFormat.Json,
        "sarif" => ReportFormat.Sarif,
        _ => throw new UsageException($"unknown format '{value}'; use text, json or sarif"),
    };

    private static void AddRuleIds(ISet<string> target, string value, string option)
    {
        var any = false;
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var rule = RuleLookup.Find(part)
                ?? throw new UsageException($"{option}: '{part}' is not a rule ID{RuleLookup.DidYouMean(part)}; `secure-manifests rules` lists them");
            target.Add(rule.Id);
            any = true;
        }

        if (!any)
        {
            throw new UsageException($"{option} needs at least one rule ID");
        }
    }

    private static string ParseNamespace(string value)
    {
        // A DNS-1123 label, as Kubernetes requires of namespace names.
        var valid = value.Length is > 0 and <= 63
            && (char.IsAsciiLetterLower(value[0]) || char.IsAsciiDigit(value[0]))
            && (char.IsAsciiLetterLower(value[^1]) || char.IsAsciiDigit(value[^1]))
            && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
        return valid
            ? value
            : throw new UsageException($"--namespace '{value}' is not a valid namespace name (lower-case letters, digits and '-', at most 63)");
    }
}
