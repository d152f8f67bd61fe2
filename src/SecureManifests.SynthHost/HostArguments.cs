using System.CommandLine;
using SecureManifests.CommandLine;
using SecureManifests.Synthesis;

namespace SecureManifests.SynthHost;

/// <summary>
/// The host's command line, as the build targets pass it, on the settings shared with the app runner and the CLI in
/// their MSBuild dialect: an empty value is the default (MSBuild passes unset properties as empty strings), and a bad
/// one is reported under the MSBuild property the user set (<c>SecureManifestsProfile: unknown profile 'strict'; use
/// ...</c>): users never call the host themselves.
/// </summary>
internal sealed class HostArguments
{
    private HostArguments()
    {
    }

    public string Assembly { get; private set; } = string.Empty;

    public string Output { get; private set; } = string.Empty;

    public bool Verify { get; private set; }

    public SynthOptions Options { get; } = new();

    /// <summary>The project file (--project), which setting errors point at; empty when not given.</summary>
    public string Project { get; private set; } = string.Empty;

    /// <summary>Where the report goes (--report); null for standard error. Known even when the rest is wrong.</summary>
    public string? ReportPath { get; private set; }

    /// <summary>Records which app runs now, for the build to name when the synth times out; null without --progress.</summary>
    public Action<string>? Progress { get; private set; }

    /// <summary>What is wrong with the command line, in one line; null when nothing is.</summary>
    public string? Problem { get; private set; }

    /// <summary>
    /// Parses. The report path and the project are read even from a command line with a problem, so that the
    /// problem reaches the build as an error at the project file.
    /// </summary>
    public static HostArguments Parse(IReadOnlyList<string> args)
    {
        var assembly = TextOption.Create("--assembly", "DLL", "the project's built assembly");
        var output = SharedSettings.Output(SettingDialect.MsBuild, "DIR", "where the apps' folders are written");
        var layout = SharedSettings.Layout.Create(SettingDialect.MsBuild);
        var profile = SharedSettings.Profile.Create(SettingDialect.MsBuild);
        var failOn = SharedSettings.FailOn.Create(SettingDialect.MsBuild);
        var pssVersion = SharedSettings.PssVersion.Create(SettingDialect.MsBuild);
        var verify = new Option<bool>("--verify") { Description = "write nothing; report what differs" };
        var report = TextOption.Create("--report", "FILE", "where the build reads the findings and errors");
        var project = TextOption.Create("--project", "FILE", "the project file, which setting errors point at");
        var progress = TextOption.Create("--progress", "FILE", "where the app being run is named, for a timeout");
        var root = new RootCommand("The SecureManifests build step's host.") { assembly, output, layout, profile, failOn, pssVersion, verify, report, project, progress };

        var result = CommandLineParser.Parse(root, args);
        var arguments = new HostArguments { Verify = result.Has(verify) };
        result.IfGiven(report, value => arguments.ReportPath = value);
        result.IfGiven(project, value => arguments.Project = value);
        arguments.Problem = UsageProblems.First(result);
        if (arguments.Problem is not null)
        {
            return arguments;
        }

        result.IfGiven(assembly, value => arguments.Assembly = value);
        result.IfGiven(output, value => arguments.Output = value);
        result.IfGiven(layout, value => arguments.Options.Layout = value);
        result.IfGiven(profile, value => arguments.Options.Profile = value);
        result.IfGiven(failOn, value => arguments.Options.FailOn = value);
        result.IfGiven(pssVersion, value => arguments.Options.PssVersion = value);
        result.IfGiven(progress, value => arguments.Progress = app => File.WriteAllText(value, app));
        arguments.Problem = arguments.Assembly.Length == 0 ? "--assembly is required"
            : arguments.Output.Length == 0 ? "--output is required"
            : null;
        return arguments;
    }
}
