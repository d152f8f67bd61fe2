using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using SecureManifests.CommandLine;

namespace SecureManifests.Synthesis;

/// <summary>The command line of <see cref="AppRunner"/>, on the settings shared with the build step and the CLI.</summary>
internal sealed class RunnerArguments
{
    private RunnerArguments(ParseResult parsed) => Parsed = parsed;

    public string Output { get; private set; } = "manifests";

    public bool Check { get; private set; }

    public SynthOptions Options { get; } = new();

    /// <summary>What was parsed, for help.</summary>
    public ParseResult Parsed { get; }

    /// <summary>Whether help was asked for (the parse result's action is then the help).</summary>
    public bool Help => Parsed.Action is System.CommandLine.Help.HelpAction;

    /// <summary>Parses an app's arguments; on failure <paramref name="problem"/> is one line.</summary>
    public static bool TryParse(string[] args, [NotNullWhen(true)] out RunnerArguments? parsed, [NotNullWhen(false)] out string? problem)
    {
        var output = SharedSettings.Output(SettingDialect.CommandLine, "DIR", "where the YAML tree is written (default: ./manifests)");
        var layout = SharedSettings.Layout.Create(SettingDialect.CommandLine);
        var profile = SharedSettings.Profile.Create(SettingDialect.CommandLine);
        var failOn = SharedSettings.FailOn.Create(SettingDialect.CommandLine, "findings this severe stop the synth");
        var pssVersion = SharedSettings.PssVersion.Create(SettingDialect.CommandLine);
        var check = new Option<bool>("--check") { Description = "write nothing; exit 1 when DIR differs from what would be written" };
        var root = new RootCommand("Checks the app and writes its Kubernetes YAML.") { output, layout, profile, failOn, pssVersion, check };
        // An app has no version of ours to print.
        root.Options.Remove(root.Options.OfType<System.CommandLine.VersionOption>().Single());

        var result = CommandLineParser.Parse(root, args);
        problem = UsageProblems.First(result);
        if (problem is not null && result.Action is not System.CommandLine.Help.HelpAction)
        {
            parsed = null;
            return false;
        }

        var arguments = new RunnerArguments(result) { Check = result.Has(check) };
        result.IfGiven(output, value => arguments.Output = value);
        result.IfGiven(layout, value => arguments.Options.Layout = value);
        result.IfGiven(profile, value => arguments.Options.Profile = value);
        result.IfGiven(failOn, value => arguments.Options.FailOn = value);
        result.IfGiven(pssVersion, value => arguments.Options.PssVersion = value);
        parsed = arguments;
        problem = null;
        return true;
    }
}
