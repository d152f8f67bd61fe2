using System.Diagnostics.CodeAnalysis;
using SecureManifests.Output;
using SecureManifests.Rules;
using SecureManifests.Synthesis;

namespace SecureManifests.SynthHost;

/// <summary>
/// The host's command line, as the build targets pass it. A bad value is reported under the MSBuild property the user
/// set (<c>SecureManifestsProfile: unknown profile 'strict'; use ...</c>): users never call the host themselves.
/// </summary>
internal sealed class HostArguments
{
    private const string ReportOption = "--report";

    public string Assembly { get; private set; } = string.Empty;

    public string Output { get; private set; } = string.Empty;

    public bool Verify { get; private set; }

    public SynthOptions Options { get; } = new();

    /// <summary>The value of --project, found before anything else is parsed, like <see cref="FindReportPath"/>.</summary>
    public static string FindProject(IReadOnlyList<string> args) => Find(args, "--project") ?? string.Empty;

    /// <summary>Records which app runs now, for the build to name when the synth times out; null without --progress.</summary>
    public Action<string>? Progress { get; private set; }

    /// <summary>The value of --report, found before anything else is parsed, so even a parse error reaches the build.</summary>
    public static string? FindReportPath(IReadOnlyList<string> args) => Find(args, ReportOption);

    private static string? Find(IReadOnlyList<string> args, string option)
    {
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] == option)
            {
                return args[i + 1];
            }
        }

        return null;
    }

    public static bool TryParse(IReadOnlyList<string> args, [NotNullWhen(true)] out HostArguments? parsed, [NotNullWhen(false)] out string? problem)
    {
        var result = new HostArguments();
        parsed = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--verify")
            {
                result.Verify = true;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                problem = arg.StartsWith("--", StringComparison.Ordinal) ? $"{arg} needs a value" : $"unexpected argument '{arg}'";
                return false;
            }

            var value = args[++i];
            problem = arg switch
            {
                "--assembly" => Set(() => result.Assembly = value),
                ReportOption => null,
                // Read before parsing, like --report: setting errors point at the project file.
                "--project" => null,
                "--progress" => Set(() => result.Progress = app => File.WriteAllText(value, app)),
                "--output" => Set(() => result.Output = value),
                "--layout" => Property("SecureManifestsLayout", result.SetLayout(value)),
                // An empty value means "the default": MSBuild passes unset properties as empty strings.
                "--profile" when value.Length == 0 => null,
                "--profile" => SettingNames.TryParseProfile(value, out var profile)
                    ? Set(() => result.Options.Profile = profile)
                    : Property("SecureManifestsProfile", SettingNames.UnknownProfile(value)),
                "--fail-on" when value.Length == 0 => null,
                "--fail-on" => SettingNames.TryParseSeverity(value, out var severity)
                    ? Set(() => result.Options.FailOn = severity)
                    : Property("SecureManifestsFailOn", SettingNames.UnknownSeverity(value)),
                "--pss-version" when value.Length == 0 => null,
                "--pss-version" => PssVersion.TryParse(value, out var version)
                    ? Set(() => result.Options.PssVersion = version)
                    : Property("SecureManifestsPssVersion", SettingNames.UnknownPssVersion(value)),
                _ => $"unknown option '{arg}'",
            };
            if (problem is not null)
            {
                return false;
            }
        }

        problem = result.Assembly.Length == 0 ? "--assembly is required"
            : result.Output.Length == 0 ? "--output is required"
            : null;
        if (problem is not null)
        {
            return false;
        }

        parsed = result;
        return true;
    }

    private string? SetLayout(string value)
    {
        // An empty value means "the default": MSBuild passes unset properties as empty strings.
        if (value.Length == 0)
        {
            Options.Layout = ManifestLayout.FilePerObject;
            return null;
        }

        if (!SettingNames.TryParseLayout(value, out var layout))
        {
            return SettingNames.UnknownLayout(value);
        }

        Options.Layout = layout;
        return null;
    }

    private static string? Property(string property, string? problem) => problem is null ? null : $"{property}: {problem}";

    private static string? Set(Action apply)
    {
        apply();
        return null;
    }
}
