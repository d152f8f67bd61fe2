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

    /// <summary>
    /// The kinds without a typed model whose pod the pod rules check: the built-in ones, those of the config
    /// (<c>pod-template-kinds</c>) and those the CRD files' schemas show; the set refuses a second place for a group and kind.
    /// </summary>
    public PodTemplateKindSet PodTemplateKinds { get; } = new();

    /// <summary>The CRD files of the config (<c>crds</c>) and of <c>--crd</c>, as absolute paths, in that order.</summary>
    public IList<string> CrdFiles { get; } = new List<string>();

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

        foreach (var crd in config.Crds)
        {
            CrdFiles.Add(crd);
        }

        foreach (var setting in config.PodTemplateKinds)
        {
            try
            {
                PodTemplateKinds.Add(new PodTemplateKind(setting.Group, setting.Kind, setting.Path, setting.IsPodSpec ? PodTemplateShape.PodSpec : PodTemplateShape.Template));
            }
            catch (ArgumentException e)
            {
                // A built-in kind declared at another path: an error of the entry, at its line.
                throw new SettingsFileException(config.DisplayName, setting.Line, setting.Column, e.Message);
            }
        }
    }

    /// <summary>
    /// Reads <see cref="CrdFiles"/> into <see cref="PodTemplateKinds"/>: each CRD's schemas say where its kind keeps its
    /// pods, and replace a built-in entry that says otherwise.
    /// </summary>
    /// <exception cref="SettingsFileException">A file cannot be read, or a CRD disagrees with a <c>pod-template-kinds</c> entry.</exception>
    public void ReadCrdFiles(string workingDirectory)
    {
        foreach (var file in CrdFiles)
        {
            var displayName = InputCollector.DisplayName(file, workingDirectory);
            foreach (var definition in Lint.CrdFiles.Read(file, displayName))
            {
                try
                {
                    Lint.CrdFiles.AddPodTemplates(PodTemplateKinds, definition);
                }
                catch (ArgumentException e)
                {
                    throw new SettingsFileException(displayName, definition.Line, 1, e.Message);
                }
            }
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

        options.PodTemplateKinds.AddAll(PodTemplateKinds);

        // rules.md Exceptions: a waiver's reason is kept in the output, so lint reports waived findings as suppressed.
        options.ReportWaived = true;

        // rules.md SM4001: lint flags namespaced objects without a namespace unless --namespace says where they go.
        options.FlagMissingNamespace = DefaultNamespace is null;
        return options;
    }
}
