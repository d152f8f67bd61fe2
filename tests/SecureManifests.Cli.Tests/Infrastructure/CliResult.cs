using System.Globalization;
using System.Text;

namespace SecureManifests.Cli.Tests.Infrastructure;

/// <summary>What one run of the tool did: exit code and everything it printed.</summary>
public sealed record CliResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Standard error split into lines (without the trailing empty one).</summary>
    public IReadOnlyList<string> ErrorLines => Lines(StandardError);

    /// <summary>Standard output split into lines.</summary>
    public IReadOnlyList<string> OutputLines => Lines(StandardOutput);

    /// <summary>A readable account for assertion messages.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"`secure-manifests {CommandLine}` exited with {ExitCode}");
        text.Append("\nstdout:\n").Append(StandardOutput.Length > 4000 ? StandardOutput[..4000] + "..." : StandardOutput);
        text.Append("\nstderr:\n").Append(StandardError);
        return text.ToString();
    }

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');
}
