using System.CommandLine;
using SecureManifests.Cli.Lint;
using SecureManifests.CommandLine;

namespace SecureManifests.Cli.Commands;

/// <summary>
/// <c>secure-manifests lint PATH... | -</c>. Each option is one definition and one <see cref="Bind{T}(Option{T}, Action{LintOptions, T})"/>
/// line, which both adds it to the command and carries a given value into <see cref="LintOptions"/>; an option not
/// given leaves the default that <see cref="LintOptions"/> defines.
/// </summary>
internal sealed class LintCommand
{
    private static readonly SettingOption<ReportFormat> Format = new()
    {
        Name = "--format",
        Aliases = ["-f"],
        HelpName = "F",
        Values = "text | json | sarif (default: text)",
        Parse = ReportFormats.TryParse,
        Unknown = value => $"unknown format '{value}'; use text, json or sarif",
        Words = () => ReportFormats.Names,
    };

    /// <summary>Printed under the help.</summary>
    public const string Notes = "exit codes: 0 no finding at or above --fail-on; 1 findings; 2 usage error or an input that could not be read";

    private readonly List<Action<ParseResult, LintOptions>> _bindings = [];

    private readonly Argument<string[]> _paths = new("PATH")
    {
        Description = "a file, or a folder searched recursively for *.yaml, *.yml and *.json; - reads stdin",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private LintCommand(CliConsole console)
    {
        Command = new Command("lint", "check Kubernetes YAML/JSON against the rule catalogue (text, json or sarif output)")
        {
            _paths,
        };
        Bind(SharedSettings.Profile.Create(), (options, value) => options.Profile = value);
        Bind(SharedSettings.PssVersion.Create(), (options, value) => options.PssVersion = value);
        Bind(Format.Create(), (options, value) => options.Format = value);
        Bind(SharedSettings.FailOn.Create(purpose: "exit 1 on findings this severe"), (options, value) => options.FailOn = value);
        Bind(RuleIdOption.Create("--include", "comma-separated rule IDs or names to check in addition to the profile"), (options, ids) => options.Include.UnionWith(ids));
        Bind(RuleIdOption.Create("--exclude", "comma-separated rule IDs or names not to check"), (options, ids) => options.Exclude.UnionWith(ids));
        Bind(NamespaceOption.Create(), (options, value) => options.DefaultNamespace = value);
        Command.SetAction(result => Run(Read(result), console, Terminal.Style(result, console), Terminal.Style(result, console, error: true)));
    }

    /// <summary>The <c>lint</c> command, running on <paramref name="console"/>.</summary>
    public Command Command { get; }

    public static Command Create(CliConsole console) => new LintCommand(console).Command;

    private static int Run(LintOptions options, CliConsole console, TextStyle outputStyle, TextStyle errorStyle)
    {
        using var writer = LintReportWriter.For(options.Format, console.Output, console.Error, outputStyle, errorStyle);
        return LintRunner.Run(options, console, writer).ExitCode;
    }

    private void Bind<T>(Option<T> option, Action<LintOptions, T> apply)
    {
        Command.Options.Add(option);
        _bindings.Add((result, options) => result.IfGiven(option, value => apply(options, value)));
    }

    /// <exception cref="UsageException">The paths are missing or name stdin twice.</exception>
    private LintOptions Read(ParseResult result)
    {
        var options = new LintOptions();
        foreach (var bind in _bindings)
        {
            bind(result, options);
        }

        foreach (var path in result.GetValue(_paths) ?? [])
        {
            options.Paths.Add(path);
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
}
