using SecureManifests.Rules;

namespace SecureManifests.Cli.Lint;

/// <summary>
/// The counts of one <c>lint</c> run, kept as findings stream to the report (which does not hold them), and the
/// input that could not be read.
/// </summary>
internal sealed class LintSummary
{
    private readonly RuleSeverity _failOn;
    private readonly int[] _bySeverity = new int[3];
    private bool _failing;

    internal LintSummary(RuleSeverity failOn, List<InputProblem> problems)
    {
        _failOn = failOn;
        Problems = problems;
    }

    /// <summary>How many sources were read (files and stdin).</summary>
    public int Files { get; set; }

    /// <summary>How many Kubernetes objects were read (each List item counts).</summary>
    public int Documents { get; set; }

    /// <summary>How many findings are not suppressed.</summary>
    public int Unsuppressed { get; private set; }

    /// <summary>How many findings a waiver suppresses.</summary>
    public int Suppressed { get; private set; }

    /// <summary>Input that could not be read, in source order.</summary>
    public List<InputProblem> Problems { get; }

    /// <summary>How many unsuppressed findings have <paramref name="severity"/>.</summary>
    public int Count(RuleSeverity severity) => _bySeverity[(int)severity];

    /// <summary>The exit code: 2 for unreadable input, 1 for unsuppressed findings at or above --fail-on, else 0.</summary>
    public int ExitCode =>
        Problems.Count > 0 ? ExitCodes.UsageOrInputError
        : _failing ? ExitCodes.Findings
        : ExitCodes.Success;

    /// <summary>Counts one reported finding.</summary>
    public void Add(Finding finding)
    {
        if (finding.IsSuppressed)
        {
            Suppressed++;
            return;
        }

        Unsuppressed++;
        _bySeverity[(int)finding.Severity]++;
        _failing |= finding.Severity <= _failOn;
    }
}
