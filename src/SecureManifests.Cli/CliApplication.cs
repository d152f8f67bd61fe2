using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text;
using SecureManifests.Cli.Commands;
using SecureManifests.CommandLine;

namespace SecureManifests.Cli;

/// <summary>
/// The <c>secure-manifests</c> command line: <c>lint</c>, <c>rules</c>, <c>explain</c>, <c>synth</c>, <c>policy</c>, <c>config</c>, on
/// System.CommandLine (help, completion through the <c>[suggest]</c> directive). Every failure ends as one line on
/// stderr and an exit code (see <see cref="ExitCodes"/>), never a stack trace; a usage error adds a hint to the help of
/// the command it is about.
/// </summary>
internal static class CliApplication
{
    /// <summary>Runs the tool on the real console, with buffered UTF-8 output.</summary>
    public static int RunFromConsole(string[] args)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var output = new StreamWriter(Console.OpenStandardOutput(), utf8, 64 * 1024) { AutoFlush = false };
        using var error = new StreamWriter(Console.OpenStandardError(), utf8, 4 * 1024) { AutoFlush = true };
        var console = new CliConsole(Console.OpenStandardInput, output, error, Environment.CurrentDirectory)
        {
            OutputIsTerminal = !Console.IsOutputRedirected,
            ErrorIsTerminal = !Console.IsErrorRedirected,
            Environment = Environment.GetEnvironmentVariable,
        };
        var code = Run(args, console);
        try
        {
            output.Flush();
        }
        catch (IOException)
        {
            // The reader went away (`| head`): nothing left to tell it.
        }

        return code;
    }

    /// <summary>Runs one command with the given console; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        ParseResult? parsed = null;
        try
        {
            parsed = CommandLineParser.Parse(CreateRoot(console), args);
            if (UsageProblems.First(parsed) is { } problem && RunsTheCommand(parsed))
            {
                throw new UsageException(problem);
            }

            return parsed.Invoke(new InvocationConfiguration { Output = console.Output, Error = console.Error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            var style = parsed is null ? TextStyle.Plain : Terminal.Style(parsed, console, error: true);
            console.Error.Line($"{style.Error("error")}: {e.Message}");
            console.Error.Line($"run `{(parsed is null ? ToolInfo.Name : CommandLineParser.CommandLineOf(parsed, ToolInfo.Name))} --help` for usage");
            return ExitCodes.UsageOrInputError;
        }
#pragma warning disable CA1031 // The last line of defence: a tool must end with a message and a code, not a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            console.Error.Line($"error: internal error: {e.GetType().Name}: {OneLine(e.Message)}");
            return ExitCodes.UsageOrInputError;
        }
    }

    // Help, --version and completion answer even a command line that is wrong elsewhere, as people expect of
    // `... --help`; a command (or the parse error) does not run on one.
    private static bool RunsTheCommand(ParseResult parsed) =>
        parsed.Action is ParseErrorAction || ReferenceEquals(parsed.Action, parsed.CommandResult.Command.Action);

    private static RootCommand CreateRoot(CliConsole console)
    {
        var lint = LintCommand.Create(console);
        var synth = SynthCommand.Create(console);
        var policy = PolicyCommand.Create(console);
        var importCrd = ImportCrdCommand.Create(console);
        var root = new RootCommand("secure-manifests: the SecureManifests rule catalogue on any Kubernetes YAML")
        {
            lint,
            RulesCommand.Create(console),
            ExplainCommand.Create(console),
            synth,
            policy,
            ConfigCommand.Create(console),
            importCrd,
        };
        var notes = HelpNotes.Install(root);
        notes.Add(root, "run `secure-manifests COMMAND --help` for a command's options");
        notes.Add(lint, LintCommand.Notes);
        notes.Add(synth, SynthCommand.Notes);
        notes.Add(policy, PolicyCommand.Notes);
        notes.Add(importCrd, ImportCrdCommand.Notes);
        var color = Terminal.Color.Create();
        color.Recursive = true;
        root.Options.Add(color);
        var version = root.Options.OfType<VersionOption>().Single();
        version.Action = new PrintVersion(console);

        // Without a command: the help, on stderr, and exit 2 (a script that forgot its command must not pass).
        root.SetAction(result =>
        {
            CommandLineParser.WriteHelp(result, console.Error);
            return ExitCodes.UsageOrInputError;
        });

        // `secure-manifests help` as well as --help, as before; hidden, so help and completion list it once.
        var help = new Command("help", "show the help") { Hidden = true };
        help.SetAction(result =>
        {
            CommandLineParser.WriteHelp(CommandLineParser.Parse(root, []), console.Output);
            return ExitCodes.Success;
        });
        root.Subcommands.Add(help);
        return root;
    }

    private static string OneLine(string text) =>
        text.ReplaceLineEndings(" ");

    /// <summary><c>--version</c>: the tool's name and version, as SARIF names them.</summary>
    private sealed class PrintVersion(CliConsole console) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            console.Output.Line($"{ToolInfo.Name} {ToolInfo.Version}");
            return ExitCodes.Success;
        }
    }
}
