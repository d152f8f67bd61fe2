using Xunit;
using System.Globalization;
using System.Text;

namespace SecureManifests.Tests.Referees;

/// <summary>What an external command did: its exit code and everything it printed.</summary>
/// <param name="CommandLine">The command as a person would type it, for failure messages.</param>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="StandardOutput">Everything written to standard output.</param>
/// <param name="StandardError">Everything written to standard error.</param>
public sealed record ProcessResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>True when the command exited with 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>A readable account of the run, meant for assertion messages.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"`{CommandLine}` exited with {ExitCode}");
        AppendStream(text, "stdout", StandardOutput);
        AppendStream(text, "stderr", StandardError);
        return text.ToString();
    }

    /// <summary>Fails the calling test, showing the full output, unless the command exited with 0.</summary>
    public void AssertSucceeded()
    {
        if (!Succeeded)
        {
            Assert.Fail(Describe());
        }
    }

    private static void AppendStream(StringBuilder text, string name, string content)
    {
        if (content.Length > 0)
        {
            text.Append('\n').Append(name).Append(":\n").Append(content.TrimEnd());
        }
    }
}
