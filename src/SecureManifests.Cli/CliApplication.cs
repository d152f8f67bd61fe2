using System.Text;
using SecureManifests.Cli.Commands;

namespace SecureManifests.Cli;

/// <summary>
/// The <c>secure-manifests</c> command line: <c>lint</c>, <c>rules</c>, <c>explain</c>, <c>synth</c>, <c>policy</c>. Every failure
/// ends as one line on stderr and an exit code (see <see cref="ExitCodes"/>), never a stack trace.
/// </summary>
internal static class CliApplication
{
    /// <summary>The top-level help.</summary>
    public const string Usage = """
        usage: secure-manifests COMMAND [options]
          lint PATH... | -     check Kubernetes YAML/JSON against the rule catalogue (text, json or sarif output)
          rules                list the rules
          explain ID           print the documentation of a rule
          synth --assembly DLL write the YAML of an app from its built assembly
          policy               write ValidatingAdmissionPolicies for the per-object rules of a profile
          --version            print the version
          -h, --help           show this help; `secure-manifests COMMAND --help` for a command's options
        """;

    /// <summary>Runs the tool on the real console, with buffered UTF-8 output.</summary>
    public static int RunFromConsole(string[] args)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var output = new StreamWriter(Console.OpenStandardOutput(), utf8, 64 * 1024) { AutoFlush = false };
        using var error = new StreamWriter(Console.OpenStandardError(), utf8, 4 * 1024) { AutoFlush = true };
        var console = new CliConsole(Console.OpenStandardInput, output, error, Environment.CurrentDirectory);
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
        try
        {
            return Dispatch(args, console);
        }
        catch (UsageException e)
        {
            console.Error.Line($"error: {e.Message}");
            console.Error.Line("run `secure-manifests --help` for usage");
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

    private static int Dispatch(IReadOnlyList<string> args, CliConsole console)
    {
        if (args.Count == 0)
        {
            console.Error.Line(Usage);
            return ExitCodes.UsageOrInputError;
        }

        switch (args[0])
        {
            case "lint":
                return LintCommand.Run(args, 1, console);
            case "rules":
                return RulesCommand.Run(args, 1, console);
            case "explain":
                return ExplainCommand.Run(args, 1, console);
            case "synth":
                return SynthCommand.Run(args, 1, console);
            case "policy":
                return PolicyCommand.Run(args, 1, console);
            case "-h" or "--help" or "help":
                console.Output.Line(Usage);
                return ExitCodes.Success;
            case "--version":
                console.Output.Line($"{ToolInfo.Name} {ToolInfo.Version}");
                return ExitCodes.Success;
            default:
                throw new UsageException($"unknown command '{args[0]}'; use lint, rules, explain, synth or policy");
        }
    }

    private static string OneLine(string text) =>
        text.ReplaceLineEndings(" ");
}
