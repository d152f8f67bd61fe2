using SecureManifests.Cli.Baseline;
using SecureManifests.Rules;

namespace SecureManifests.Cli.Lint;

/// <summary>
/// The counts of one <c>lint</c> run, kept as findings stream to the report (which does not hold them), the input
/// that could not be read, the files skipped, and the baseline entries no finding matched.
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

    /// <summary>How many sources were read (files and stdin), skipped ones included.</summary>
    public int Files { get; set; }

    /// <summary>How many Kubernetes objects were read (each List item counts).</summary>
    public int Documents { get; set; }

    /// <summary>How many findings are neither suppressed nor baselined.</summary>
    public int Unsuppressed { get; private set; }

    /// <summary>How many findings a waiver suppresses.</summary>
    public int Suppressed { get; private set; }

    /// <summary>How many findings the baseline holds, so they do not fail the run.</summary>
    public int Baselined { get; private set; }

    /// <summary>Input that could not be read, in source order.</summary>
    public List<InputProblem> Problems { get; }

    /// <summary>Files of folder walks that hold no Kubernetes object, in the order read.</summary>
    public List<SkippedInput> Skipped { get; } = [];

    /// <summary>Baseline entries that no finding matched any more (fixed), sorted; empty without a baseline.</summary>
    public IReadOnlyList<BaselineEntry> Fixed { get; set; } = [];

    /// <summary>Whether the run read no object at all while objects were expected (no <c>--allow-empty</c>).</summary>
    public bool NothingToLint { get; set; }

    /// <summary>Findings at this severity or worse fail the run.</summary>
    public RuleSeverity FailOn => _failOn;

    /// <summary>How many unsuppressed findings have <paramref name="severity"/>.</summary>
    public int Count(RuleSeverity severity) => _bySeverity[(int)severity];

    /// <summary>
    /// The exit code: 2 for unreadable input or nothing to lint, 1 for unsuppressed, unbaselined findings at or above
    /// --fail-on, else 0.
    /// </summary>
    public int ExitCode =>
        Problems.Count > 0 || NothingToLint ? ExitCodes.UsageOrInputError
        : _failing ? ExitCodes.Findings
        : ExitCodes.Success;

    /// <summary>Counts one reported finding.</summary>
    public void Add(LocatedFinding finding)
    {
        if (finding.Finding.IsSuppressed)
        {
            Suppressed++;
            return;
        }

        if (finding.IsBaselined)
        {
            Baselined++;
            return;
        }

        Unsuppressed++;
        _bySeverity[(int)finding.Finding.Severity]++;
        _failing |= finding.Finding.Severity <= _failOn;
    }
}

/// <summary>A file of a folder walk that holds no Kubernetes object, and why lint thinks so.</summary>
internal sealed record SkippedInput(string File, string Reason);
