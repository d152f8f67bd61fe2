using System.CommandLine;
using System.Globalization;
using SecureManifests.Cli.Baseline;
using SecureManifests.Cli.Config;
using SecureManifests.Cli.Lint;
using SecureManifests.CommandLine;

namespace SecureManifests.Cli.Commands;

/// <summary>
/// <c>secure-manifests lint PATH... | -</c>. Each option is one definition and one <see cref="Bind{T}(Option{T}, Action{LintOptions, T})"/>
/// line, which both adds it to the command and carries a given value into <see cref="LintOptions"/>; an option not
/// given leaves what the config file set, or else the default that <see cref="LintOptions"/> defines. The options
/// that choose the config file (<c>--config</c>, <c>--no-config</c>) and the baseline are read before the others.
/// </summary>
internal sealed class LintCommand
{
    /// <summary>Printed under the help.</summary>
    public const string Notes = "exit codes: 0 no finding at or above --fail-on; 1 findings; 2 usage error, a bad config or baseline, an input that could not be read, or no object at all\n"
        + "config: .securemanifests.yaml, looked for from the first input's folder up to the repository root (see docs/configuration.md); flags override it";

    private readonly List<Action<ParseResult, LintOptions>> _bindings = [];

    private readonly Argument<string[]> _paths = new("PATH")
    {
        Description = "a file, or a folder searched recursively for *.yaml, *.yml and *.json; - reads stdin",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<string> _config = TextOption.Create("--config", "FILE", "the config file to use instead of the .securemanifests.yaml found from the first input upward", NotBlank("--config"));
    private readonly Option<bool> _noConfig = new("--no-config") { Description = "use no config file, not even one that would be found" };
    private readonly Option<string> _baseline = TextOption.Create("--baseline", "FILE", "findings recorded in FILE (by --write-baseline) do not fail the run; only new ones do", NotBlank("--baseline"));

    private LintCommand(CliConsole console)
    {
        Command = new Command("lint", "check Kubernetes YAML/JSON against the rule catalogue (text, json, sarif, junit or github output)")
        {
            _paths,
        };
        Bind(SharedSettings.Profile.Create(), (options, value) => options.Profile = value);
        Bind(SharedSettings.PssVersion.Create(), (options, value) => options.PssVersion = value);
        Bind(ReportTargetOption.Create(), (options, value) => options.Reports = value);
        Bind(SharedSettings.FailOn.Create(purpose: "exit 1 on findings this severe"), (options, value) => options.FailOn = value);
        // A flag overrides the file: --include turns on a rule the config excludes (and --exclude, bound after it, wins over both).
        Bind(RuleIdOption.Create("--include", "comma-separated rule IDs or names to check in addition to the profile"), (options, ids) =>
        {
            options.Include.UnionWith(ids);
            options.Exclude.ExceptWith(ids);
        });
        Bind(RuleIdOption.Create("--exclude", "comma-separated rule IDs or names not to check"), (options, ids) => options.Exclude.UnionWith(ids));
        Bind(NamespaceOption.Create(), (options, value) => options.DefaultNamespace = value);
        Command.Options.Add(_config);
        Command.Options.Add(_noConfig);
        Command.Options.Add(_baseline);
        Bind(TextOption.Create("--write-baseline", "FILE", "write the run's unsuppressed findings to FILE, as a baseline for --baseline", NotBlank("--write-baseline")), (options, value) => options.WriteBaselineFile = value);
        BindFlag(new Option<bool>("--strict") { Description = "a file in a folder that holds no Kubernetes object is an error, not skipped" }, options => options.Strict = true);
        BindFlag(new Option<bool>("--allow-empty") { Description = "finding no object at all is fine (exit 0), not an error" }, options => options.AllowEmpty = true);
        Bind(CrdFiles.CreateOption(), (options, files) => Array.ForEach(files, file => options.CrdFiles.Add(Path.GetFullPath(file, console.WorkingDirectory))));
        Bind(TextOption.Create("--kustomize", "DIR", "lint what `kubectl kustomize DIR` renders (kubectl on PATH); positions are in the rendered stream", NotBlank("--kustomize")), (options, value) => options.Kustomize = value);
        Command.SetAction(result => Run(result, console));
    }

    /// <summary>The <c>lint</c> command, running on <paramref name="console"/>.</summary>
    public Command Command { get; }

    public static Command Create(CliConsole console) => new LintCommand(console).Command;

    private static Func<string, string?> NotBlank(string option) => text => string.IsNullOrWhiteSpace(text) ? $"{option} needs a file" : null;

    private int Run(ParseResult result, CliConsole console)
    {
        var errorStyle = Terminal.Style(result, console, error: true);
        LintOptions options;
        try
        {
            options = Read(result, console);
        }
        catch (SettingsFileException e)
        {
            console.Error.Line(e.Format(errorStyle));
            return ExitCodes.UsageOrInputError;
        }

        var files = new List<AtomicFile>();
        var writers = new List<LintReportWriter>();
        var context = new LintReportContext(options.BaselineFile);
        try
        {
            foreach (var target in options.Reports)
            {
                if (target.File is null)
                {
                    writers.Add(LintReportWriter.For(target.Format, console.Output, context, Terminal.Style(result, console)));
                    continue;
                }

                var file = Open(target.File, "report", console, errorStyle);
                if (file is null)
                {
                    return ExitCodes.UsageOrInputError;
                }

                files.Add(file);
                writers.Add(LintReportWriter.For(target.Format, file.Writer, context));
            }

            var recorder = options.WriteBaselineFile is null ? null : new BaselineRecorder();
            LintSummary summary;
            using (var writer = writers.Count == 1 ? writers[0] : new MultiReportWriter(writers))
            {
                summary = LintRunner.Run(options, console, writer, recorder);
            }

            foreach (var file in files)
            {
                file.Commit();
            }

            var stdout = options.Reports.FirstOrDefault(r => r.File is null);
            var forPeople = stdout is null || ReportFormats.IsForPeople(stdout.Format);
            StandardErrorReport.Write(summary, console.Error, errorStyle, forPeople, options.BaselineFile);
            if (recorder is null)
            {
                return summary.ExitCode;
            }

            // The findings are now recorded, which is what --write-baseline asked for: they do not fail this run, so a
            // script that writes the baseline under `set -e` goes on. Unreadable input still exits 2.
            return !WriteBaseline(recorder, options.WriteBaselineFile!, console, errorStyle, forPeople) ? ExitCodes.UsageOrInputError
                : summary.ExitCode == ExitCodes.Findings ? ExitCodes.Success
                : summary.ExitCode;
        }
        finally
        {
            files.ForEach(f => f.Dispose());
        }
    }

    private static AtomicFile? Open(string file, string what, CliConsole console, TextStyle errorStyle)
    {
        try
        {
            return new AtomicFile(Path.GetFullPath(file, console.WorkingDirectory));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.Line($"{errorStyle.Error("error")}: cannot write the {what} '{file}': {e.Message.ReplaceLineEndings(" ")}");
            return null;
        }
    }

    private static bool WriteBaseline(BaselineRecorder recorder, string file, CliConsole console, TextStyle errorStyle, bool forPeople)
    {
        var entries = recorder.Entries();
        using var target = Open(file, "baseline", console, errorStyle);
        if (target is null)
        {
            return false;
        }

        BaselineFile.Write(entries, target.Stream);
        target.Commit();
        if (forPeople)
        {
            console.Error.Line(string.Create(CultureInfo.InvariantCulture, $"wrote the baseline {file}: {entries.Sum(e => e.Count)} finding{(entries.Sum(e => e.Count) == 1 ? string.Empty : "s")}"));
        }

        return true;
    }

    private void Bind<T>(Option<T> option, Action<LintOptions, T> apply)
    {
        Command.Options.Add(option);
        _bindings.Add((result, options) => result.IfGiven(option, value => apply(options, value)));
    }

    private void BindFlag(Option<bool> flag, Action<LintOptions> apply)
    {
        Command.Options.Add(flag);
        _bindings.Add((result, options) =>
        {
            if (result.Has(flag))
            {
                apply(options);
            }
        });
    }

    /// <exception cref="UsageException">The paths are missing or name stdin twice, or the config options clash.</exception>
    /// <exception cref="SettingsFileException">The config file or the baseline is wrong.</exception>
    private LintOptions Read(ParseResult result, CliConsole console)
    {
        var options = new LintOptions();
        foreach (var path in result.GetValue(_paths) ?? [])
        {
            options.Paths.Add(path);
        }

        var kustomize = result.GetValue<string>("--kustomize");
        if (options.Paths.Count == 0 && kustomize is null)
        {
            throw new UsageException("lint needs at least one PATH (a file, a folder, or - for stdin), or --kustomize DIR");
        }

        if (options.Paths.Count(p => p == "-") > 1)
        {
            throw new UsageException("- (stdin) can be given only once");
        }

        if (FindConfig(result, console, options.Paths.FirstOrDefault() ?? kustomize) is { } config)
        {
            options.Apply(ConfigReader.Read(config, InputCollector.DisplayName(config, console.WorkingDirectory)));
        }

        foreach (var bind in _bindings)
        {
            bind(result, options);
        }

        options.ReadCrdFiles(console.WorkingDirectory);
        result.IfGiven(_baseline, file =>
        {
            var full = Path.GetFullPath(file, console.WorkingDirectory);
            options.BaselineFile = file;
            options.Baseline = File.Exists(full)
                ? BaselineFile.Read(full, file)
                : throw new SettingsFileException(file, 1, 1, "no such baseline; write one with --write-baseline FILE");
        });
        return options;
    }

    private string? FindConfig(ParseResult result, CliConsole console, string? firstInput)
    {
        var noConfig = result.Has(_noConfig);
        string? given = null;
        result.IfGiven(_config, file => given = file);
        if (given is not null && noConfig)
        {
            throw new UsageException("--config and --no-config cannot be given together");
        }

        if (given is null)
        {
            return noConfig ? null : ConfigDiscovery.Find(firstInput, console.WorkingDirectory);
        }

        var full = Path.GetFullPath(given, console.WorkingDirectory);
        return File.Exists(full) ? full : throw new SettingsFileException(given, 1, 1, "no such config file");
    }
}
