namespace SecureManifests.Cli;

/// <summary>
/// What a command reads and writes: standard input, output and error, and the folder relative paths
/// are resolved and reported against. The real console in <c>Program</c>; captured buffers in tests.
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
}
