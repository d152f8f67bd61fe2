namespace SecureManifests.Cli;

/// <summary>
/// What a command reads and writes: standard input, output and error, the folder relative paths are resolved and
/// reported against, whether output and error are terminals, and the environment (which decides colour, see
/// <see cref="Terminal.Style"/>). The real console in <c>Program</c>; captured buffers in tests, which can claim a
/// terminal to see what a person at one sees.
/// </summary>
internal sealed class CliConsole
{
    /// <summary>Creates a console.</summary>
    /// <param name="openStandardInput">Opens standard input as bytes (read only when <c>-</c> is an input).</param>
    /// <param name="output">Standard output: findings, reports, pages.</param>
    /// <param name="error">Standard error: read errors, usage errors, the summary line.</param>
    /// <param name="workingDirectory">The current folder; paths in reports are relative to it.</param>
    public CliConsole(Func<Stream> openStandardInput, TextWriter output, TextWriter error, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(openStandardInput);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentException.ThrowIfNullOrEmpty(workingDirectory);
        OpenStandardInput = openStandardInput;
        Output = output;
        Error = error;
        WorkingDirectory = Path.GetFullPath(workingDirectory);
    }

    /// <summary>Opens standard input.</summary>
    public Func<Stream> OpenStandardInput { get; }

    /// <summary>Standard output.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>The folder relative paths are resolved against.</summary>
    public string WorkingDirectory { get; }

    /// <summary>Whether standard output is a terminal (not redirected to a file or a pipe).</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>Whether standard error is a terminal.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Reads an environment variable; null when it is not set. None is set unless given.</summary>
    public Func<string, string?> Environment { get; init; } = _ => null;
}
