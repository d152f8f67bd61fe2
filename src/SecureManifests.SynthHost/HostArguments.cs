using System.Diagnostics.CodeAnalysis;
using SecureManifests.Output;
using SecureManifests.Rules;
using SecureManifests.Synthesis;

namespace SecureManifests.SynthHost;

/// <summary>The host's command line, as the build targets pass it.</summary>
internal sealed class HostArguments
{
    public const string Usage = """
        usage: SecureManifests.SynthHost --assembly PROJECT.dll --output DIR [--profile baseline|restricted|secure|all]
               [--layout per-object|per-namespace|single-file] [--fail-on error|warning|info] [--pss-version v1.N] [--verify]
        Run with `dotnet exec --depsfile PROJECT.deps.json --runtimeconfig PROJECT.runtimeconfig.json`.
        """;

    public string Assembly { get; private set; } = string.Empty;

    public string Output { get; private set; } = string.Empty;

    public bool Verify { get; private set; }

    public SynthOptions Options { get; } = new();

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
                "--output" => Set(() => result.Output = value),
                "--layout" => result.SetLayout(value),
                // An empty value means "the default": MSBuild passes unset properties as empty strings.
                "--profile" when value.Length == 0 => null,
                "--profile" => SettingNames.TryParseProfile(value, out var profile)
                    ? Set(() => result.Options.Profile = profile)
                    : SettingNames.UnknownProfile(value),
                "--fail-on" when value.Length == 0 => null,
                "--fail-on" => SettingNames.TryParseSeverity(value, out var severity)
                    ? Set(() => result.Options.FailOn = severity)
                    : SettingNames.UnknownSeverity(value),
                "--pss-version" when value.Length == 0 => null,
                "--pss-version" => PssVersion.TryParse(value, out var version)
                    ? Set(() => result.Options.PssVersion = version)
                    : SettingNames.UnknownPssVersion(value),
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

    private static string? Set(Action apply)
    {
        apply();
        return null;
    }
}
