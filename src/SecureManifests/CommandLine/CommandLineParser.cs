using System.CommandLine;
using System.CommandLine.Parsing;

namespace SecureManifests.CommandLine;

/// <summary>
/// Parses a command line against a command tree the same way for the app runner, the build step's host and the
/// CLI; <see cref="UsageProblems"/> turns what went wrong into one line.
/// </summary>
internal static class CommandLineParser
{
    // No response files: `@x.yaml` is a file name to lint, not a list of arguments to splice in, and the host's
    // arguments come from MSBuild properties that may start with anything.
    private static readonly ParserConfiguration Configuration = new() { ResponseFileTokenReplacer = null };

    /// <summary>Parses <paramref name="args"/>; the result carries the problems, if any.</summary>
    public static ParseResult Parse(Command root, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(args);
        return root.Parse(args, Configuration);
    }

    /// <summary>Writes the help of the command that <paramref name="result"/> parsed to <paramref name="output"/>.</summary>
    public static void WriteHelp(ParseResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var path = SubcommandPath(result);
        path.Add("--help");
        Parse(result.RootCommandResult.Command, path).Invoke(new InvocationConfiguration { Output = output, Error = output });
    }

    /// <summary>
    /// The parsed command as a user types it, e.g. <c>secure-manifests lint</c>. The root is named by the caller: a
    /// root command takes the name of the process, which under a test host or <c>dotnet run</c> is not the tool's.
    /// </summary>
    public static string CommandLineOf(ParseResult result, string rootName)
    {
        ArgumentNullException.ThrowIfNull(result);
        var names = SubcommandPath(result);
        names.Insert(0, rootName);
        return string.Join(' ', names);
    }

    // The names of the parsed command and its parents, below the root.
    private static List<string> SubcommandPath(ParseResult result)
    {
        var names = new List<string>();
        for (var command = result.CommandResult; command.Parent is CommandResult parent; command = parent)
        {
            names.Insert(0, command.Command.Name);
        }

        return names;
    }
}
