using SecureManifests.Rules;

namespace SecureManifests.Cli.Lint;

/// <summary>The parsed command line of <c>lint</c>.</summary>
internal sealed class LintOptions
{
    /// <summary>Files, folders, or <c>-</c> for standard input, in the order given.</summary>
    public IList<string> Paths { get; } = new List<string>();

    /// <summary>The rule profile (default <c>secure</c>).</summary>
    public RuleProfile Profile { get; set; } = RuleProfile.Secure;

    /// <summary>The Pod Security Standards version (default the newest).</summary>
    public PssVersion PssVersion { get; set; } = PssVersion.Latest;

    /// <summary>The output format (default text).</summary>
    public ReportFormat Format { get; set; } = ReportFormat.Text;

    /// <summary>Findings at this severity or worse make the exit code 1 (default error).</summary>
    public RuleSeverity FailOn { get; set; } = RuleSeverity.Error;

    /// <summary>Rule IDs turned on in addition to the profile.</summary>
    public ISet<string> Include { get; } = new SortedSet<string>(StringComparer.Ordinal);

    /// <summary>Rule IDs turned off.</summary>
    public ISet<string> Exclude { get; } = new SortedSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// The namespace objects without one are deployed to (as <c>kubectl apply -n</c> would); null when not
    /// given, in which case namespaced objects without a namespace are flagged by SM4001.
    /// </summary>
    public string? DefaultNamespace { get; set; }

    /// <summary>
    /// The kinds without a typed model whose pod is checked: the built-in ones, and those the configuration declares
    /// (<c>PodTemplateKinds.Add(new PodTemplateKind(group, kind, path))</c>, which refuses a bad path or a clash).
    /// </summary>
    public PodTemplateKindSet PodTemplateKinds { get; } = new();

    /// <summary>The engine options these lint options stand for.</summary>
    public RuleEngineOptions ToEngineOptions()
    {
        var options = new RuleEngineOptions { Profile = Profile, Version = PssVersion };
        foreach (var id in Include)
        {
            options.IncludedRules.Add(id);
        }

        foreach (var id in Exclude)
        {
            options.ExcludedRules.Add(id);
        }

        foreach (var kind in PodTemplateKinds)
        {
            options.PodTemplateKinds.Add(kind);
        }

        // rules.md Exceptions: a waiver's reason is kept in the output, so lint reports waived findings as suppressed.
        options.ReportWaived = true;

        // rules.md SM4001: lint flags namespaced objects without a namespace unless --namespace says where they go.
        options.FlagMissingNamespace = DefaultNamespace is null;
        return options;
    }
}
