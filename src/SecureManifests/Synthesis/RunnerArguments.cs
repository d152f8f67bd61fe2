using System.Diagnostics.CodeAnalysis;
using SecureManifests.Output;
using SecureManifests.Rules;

namespace SecureManifests.Synthesis;

/// <summary>The parsed command line of <see cref="AppRunner"/>.</summary>
internal sealed class RunnerArguments
{
    public string Output { get; private set; } = "manifests";

    public bool Check { get; private set; }

    public bool Help { get; private set; }

    public SynthOptions Options { get; } = new();

    public static bool TryParse(string[] args, [NotNullWhen(true)] out RunnerArguments? parsed, [NotNullWhen(false)] out string? problem)
    {
        var result = new RunnerArguments();
        parsed = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help":
                    result.Help = true;
                    continue;
                case "--check":
                    result.Check = true;
                    continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                problem = $"unexpected argument '{arg}'";
                return false;
            }

            if (i + 1 >= args.Length)
            {
                problem = $"{arg} needs a value";
                return false;
            }

            var value = args[++i];
            problem = arg switch
            {
                "--output" or "-o" => result.SetOutput(value),
                "--layout" => result.SetLayout(value),
                "--profile" => SettingNames.TryParseProfile(value, out var profile)
                    ? Set(() => result.Options.Profile = profile)
                    : SettingNames.UnknownProfile(value),
                "--fail-on" => SettingNames.TryParseSeverity(value, out var severity)
                    ? Set(() => result.Options.FailOn = severity)
                    : SettingNames.UnknownSeverity(value),
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

        parsed = result;
        problem = null;
        return true;
    }

    private string? SetOutput(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "--output needs a folder";
        }

        Output = value;
        return null;
    }

    private string? SetLayout(string value)
    {
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
