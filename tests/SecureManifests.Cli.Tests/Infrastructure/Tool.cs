using System.Text;

namespace SecureManifests.Cli.Tests.Infrastructure;

/// <summary>Runs the tool in-process through its entry point, as a user's shell would, with captured streams.</summary>
public static class Tool
{
    /// <summary>Runs <c>secure-manifests ARGS</c> in <paramref name="workingDirectory"/> with <paramref name="stdin"/> as standard input.</summary>
    public static CliResult Run(string workingDirectory, IReadOnlyList<string> args, string? stdin = null) =>
        Run(workingDirectory, args, stdin is null ? [] : Encoding.UTF8.GetBytes(stdin));

    /// <summary>Runs with raw bytes on standard input.</summary>
    public static CliResult Run(string workingDirectory, IReadOnlyList<string> args, byte[] stdin) =>
        Run(workingDirectory, args, stdin, terminal: false, new Dictionary<string, string>());

    /// <summary>
    /// Runs as if standard output and error were a terminal (<paramref name="terminal"/>) or redirected, with
    /// <paramref name="environment"/> as the only environment variables, and <paramref name="stdin"/> as standard input.
    /// </summary>
    public static CliResult Run(string workingDirectory, IReadOnlyList<string> args, bool terminal, IReadOnlyDictionary<string, string> environment, string? stdin = null) =>
        Run(workingDirectory, args, stdin is null ? [] : Encoding.UTF8.GetBytes(stdin), terminal, environment);

    private static CliResult Run(string workingDirectory, IReadOnlyList<string> args, byte[] stdin, bool terminal, IReadOnlyDictionary<string, string> environment)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(() => new MemoryStream(stdin, writable: false), output, error, workingDirectory)
        {
            OutputIsTerminal = terminal,
            ErrorIsTerminal = terminal,
            Environment = name => environment.GetValueOrDefault(name),
        };
        var code = CliApplication.Run(args, console);
        return new CliResult(string.Join(' ', args), code, output.ToString(), error.ToString());
    }
}
