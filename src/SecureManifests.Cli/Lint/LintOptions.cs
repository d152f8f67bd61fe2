using SecureManifests.Cli.Baseline;
using SecureManifests.Cli.Config;
using SecureManifests.Rules;

namespace SecureManifests.Cli.Lint;

/// <summary>The settings of one <c>lint</c> run: the config file's, then the command line's over them.</summary>
internal sealed class LintOptions
{
    /// <summary>Files, folders, or <c>-</c> for standard input, in the order given.</summary>
    public IList<string> Paths { get; } = new List<string>();

    /// <summary>The rule profile (default <c>secure</c>).</summary>
    public RuleProfile Profile { get; set; } = RuleProfile.Secure;

    /// <summary>The Pod Security Standards version (default the newest).</summary>
    public PssVersion PssVersion { get; set; } = PssVersion.Latest;

    /// <summary>The reports: the one to stdout first, if any, then those to files (default: text to stdout).</summary>
    public IReadOnlyList<ReportTarget> Reports { get; set; } = [new ReportTarget(ReportFormat.Text, null)];

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

    /// <summary>Severities by rule ID that replace the catalogue's (config <c>rules.severity</c>).</summary>
    public IDictionary<string, RuleSeverity> Severities { get; } = new SortedDictionary<string, RuleSeverity>(StringComparer.Ordinal);

    /// <summary>The regular expression for names that look secret (config <c>rules.secret-name-pattern</c>); null for the catalogue's markers.</summary>
    public string? SecretNamePattern { get; set; }

    /// <summary>Files of folder walks to leave out (config <c>ignore-paths</c>).</summary>
    public IList<PathGlob> IgnorePaths { get; } = new List<PathGlob>();

    /// <summary>More kinds whose pod the pod rules check (config <c>pod-template-kinds</c>).</summary>
    public IList<PodTemplateKindSetting> PodTemplateKinds { get; } = new List<PodTemplateKindSetting>();

    /// <summary>The config file applied, or null when none was.</summary>
    public LintConfig? Config { get; private set; }

    /// <summary>The findings of <c>--baseline</c>, or null without one.</summary>
    public IReadOnlyList<BaselineEntry>? Baseline { get; set; }

    /// <summary><c>--baseline</c> as given, for messages.</summary>
    public string? BaselineFile { get; set; }

    /// <summary><c>--write-baseline</c> as given, or null.</summary>
    public string? WriteBaselineFile { get; set; }

    /// <summary><c>--strict</c>: a file of a folder that holds no Kubernetes object is an error, not skipped.</summary>
    public bool Strict { get; set; }

    /// <summary><c>--allow-empty</c>: an input with no object at all is fine (exit 0), not an error.</summary>
    public bool AllowEmpty { get; set; }

    /// <summary><c>--kustomize DIR</c>: lint what <c>kubectl kustomize DIR</c> renders; null when not given.</summary>
    public string? Kustomize { get; set; }

    /// <summary>Takes what <paramref name="config"/> sets; called before the flags are bound, so flags win.</summary>
    public void Apply(LintConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        Profile = config.Profile ?? Profile;
        PssVersion = config.PssVersion ?? PssVersion;
        FailOn = config.FailOn ?? FailOn;
        DefaultNamespace = config.Namespace ?? DefaultNamespace;
        Include.UnionWith(config.Include);
        Exclude.UnionWith(config.Exclude);
        foreach (var (id, severity) in config.Severities)
        {
            Severities[id] = severity;
        }

        SecretNamePattern = config.SecretNamePattern ?? SecretNamePattern;
        foreach (var glob in config.IgnorePaths)
        {
            IgnorePaths.Add(glob);
        }

        foreach (var kind in config.PodTemplateKinds)
        {
            PodTemplateKinds.Add(kind);
        }
    }

    /// <summary>Whether a folder walk leaves the file at <paramref name="fullPath"/> out.</summary>
    public bool IsIgnored(string fullPath) => IgnorePaths.Any(glob => glob.Matches(fullPath));

    /// <summary>The engine options these lint options stand for.</summary>
    public RuleEngineOptions ToEngineOptions()
    {
        var options = new RuleEngineOptions { Profile = Profile, Version = PssVersion, SecretNamePattern = SecretNamePattern };
        foreach (var id in Include)
        {
            options.IncludedRules.Add(id);
        }

        foreach (var id in Exclude)
        {
            options.ExcludedRules.Add(id);
        }

        foreach (var (id, severity) in Severities)
        {
            options.Severities[id] = severity;
        }

        AddPodTemplateKinds(options);

        // rules.md Exceptions: a waiver's reason is kept in the output, so lint reports waived findings as suppressed.
        options.ReportWaived = true;

        // rules.md SM4001: lint flags namespaced objects without a namespace unless --namespace says where they go.
        options.FlagMissingNamespace = DefaultNamespace is null;
        return options;
    }

    // The seam to the engine's RuleEngineOptions.PodTemplateKinds (branch pod-templates, not merged into this one):
    // at the merge each entry becomes `options.PodTemplateKinds.Add(new PodTemplateKind(k.Group, k.Kind, k.Path,
    // k.IsPodSpec ? PodTemplateShape.PodSpec : PodTemplateShape.Template))`, an ArgumentException (a clash with a
    // built-in kind) rethrown as a SettingsFileException at k.Line:k.Column of Config. Until then the engine of this
    // branch knows no pod-template kinds, and the validated entries have nowhere to go.
    private void AddPodTemplateKinds(RuleEngineOptions options)
    {
        _ = options;
        _ = PodTemplateKinds;
    }
}
