using System.Text;
using SecureManifests.Rules;

namespace SecureManifests.Synthesis;

/// <summary>The app violates rules at or above the fail level; nothing was written.</summary>
public sealed class SynthesisFailedException : Exception
{
    public SynthesisFailedException(string appName, IReadOnlyList<Finding> blocking)
        : base(Describe(appName, blocking))
    {
        Blocking = blocking;
    }

    /// <summary>The findings that stopped the synth.</summary>
    public IReadOnlyList<Finding> Blocking { get; }

    /// <summary>The C# call each blocking finding comes from.</summary>
    internal FindingSources Sources { get; init; } = FindingSources.None;

    private static string Describe(string appName, IReadOnlyList<Finding> blocking)
    {
        var text = new StringBuilder();
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"app '{appName}' was not written: {blocking.Count} finding(s) at or above the fail level");
        foreach (var finding in blocking)
        {
            text.Append('\n').Append("  ").Append(FindingText.Format(finding));
        }

        return text.ToString();
    }
}
