using SecureManifests.Rules;

namespace SecureManifests.Cli.Lint;

/// <summary>Everything one <c>lint</c> run found: findings with positions, unreadable input, counts.</summary>
internal sealed class LintReport
{
    internal LintReport(
        LintOptions options,
        IReadOnlyList<RuleDescriptor> enabledRules,
        int files,
        int documents,
        IReadOnlyList<LocatedFinding> findings,
        IReadOnlyList<InputProblem> problems)
    {
        Options = options;
        EnabledRules = enabledRules;
        Files = files;
        Documents = documents;
        Findings = findings;
        Problems = problems;
    }

    /// <summary>The options of the run.</summary>
    public LintOptions Options { get; }

    /// <summary>The rules that were checked, in ID order.</summary>
    public IReadOnlyList<RuleDescriptor> EnabledRules { get; }

    /// <summary>How many sources were read (files and stdin).</summary>
    public int Files { get; }

    /// <summary>How many Kubernetes objects were read (each List item counts).</summary>
    public int Documents { get; }

    /// <summary>The findings, in source order, suppressed (waived) ones included.</summary>
    public IReadOnlyList<LocatedFinding> Findings { get; }

    /// <summary>How many findings are not suppressed.</summary>
    public int Unsuppressed => Findings.Count - Suppressed;

    /// <summary>How many findings a waiver suppresses.</summary>
    public int Suppressed => Findings.Count(f => f.Finding.IsSuppressed);

    /// <summary>Input that could not be read, in source order.</summary>
    public IReadOnlyList<InputProblem> Problems { get; }

    /// <summary>How many unsuppressed findings have <paramref name="severity"/>.</summary>
    public int Count(RuleSeverity severity) => Findings.Count(f => !f.Finding.IsSuppressed && f.Finding.Severity == severity);

    /// <summary>The exit code: 2 for unreadable input, 1 for unsuppressed findings at or above --fail-on, else 0.</summary>
    public int ExitCode =>
        Problems.Count > 0 ? ExitCodes.UsageOrInputError
        : Findings.Any(f => !f.Finding.IsSuppressed && f.Finding.Severity <= Options.FailOn) ? ExitCodes.Findings
        : ExitCodes.Success;
}
