using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace SecureManifests.Cli.Commands;

/// <summary>
/// Notes printed under a command's generated help (exit codes, how exemptions work): System.CommandLine's help has
/// a one-line description per command, which the root's command list repeats, so longer text goes here.
/// </summary>
internal sealed class HelpNotes : SynchronousCommandLineAction
{
    private readonly HelpAction _help;
    private readonly Dictionary<Command, string> _notes = [];

    private HelpNotes(HelpAction help) => _help = help;

    /// <summary>Replaces the help of <paramref name="root"/> (and, being recursive, of its commands) with one that prints notes.</summary>
    public static HelpNotes Install(RootCommand root)
    {
        var option = root.Options.OfType<HelpOption>().Single();
        var notes = new HelpNotes((HelpAction)option.Action!);
        option.Action = notes;
        return notes;
    }

    /// <summary>Adds <paramref name="text"/> under the help of <paramref name="command"/>.</summary>
    public void Add(Command command, string text) => _notes[command] = text;

    public override int Invoke(ParseResult parseResult)
    {
        var code = _help.Invoke(parseResult);
        if (_notes.TryGetValue(parseResult.CommandResult.Command, out var text))
        {
            var output = parseResult.InvocationConfiguration.Output;
            foreach (var line in text.Split('\n'))
            {
                output.Line(line);
            }

            output.Line(string.Empty);
        }

        return code;
    }
}
