namespace SecureManifests.Rules;

/// <summary>What the <see cref="RuleEngine"/> checks and against which policy version.</summary>
public sealed class RuleEngineOptions
{
    private string? _secretNamePattern;

    /// <summary>The rule profile; <see cref="RuleProfile.Secure"/> unless set.</summary>
    public RuleProfile Profile { get; set; } = RuleProfile.Secure;

    /// <summary>The Pod Security Standards version the SM1xxx checks follow; the newest unless set.</summary>
    public PssVersion Version { get; set; } = PssVersion.Latest;

    /// <summary>Rule IDs turned on in addition to the profile (for example opt-in rules).</summary>
    public ISet<string> IncludedRules { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Rule IDs turned off; an exclusion wins over the profile and over <see cref="IncludedRules"/>.</summary>
    public ISet<string> ExcludedRules { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// When true, findings waived by a <c>securemanifests.io/ignore-&lt;ID&gt;</c> annotation are returned too,
    /// with <see cref="Finding.WaiverReason"/> set (<see cref="Finding.IsSuppressed"/>); by default they are dropped, so
    /// callers that fail on findings (synth, the build step) never see them. Lint sets it to report them as suppressed.
    /// </summary>
    public bool ReportWaived { get; set; }

    /// <summary>
    /// When true, SM4001 also flags objects of built-in namespaced kinds that have no <c>metadata.namespace</c>
    /// (the lint default when no <c>--namespace</c> is given); by default only objects in <c>default</c> are flagged.
    /// </summary>
    public bool FlagMissingNamespace { get; set; }

    /// <summary>
    /// The kinds without a typed model whose pod every pod rule checks, found by API group and kind: the
    /// <see cref="PodTemplateKindSet.BuiltIn"/> ones (OpenShift DeploymentConfig, Argo Rollout) unless more are added,
    /// such as <c>options.PodTemplateKinds.Add(new PodTemplateKind("example.com", "Widget", "spec.podTemplate"))</c>.
    /// </summary>
    public PodTemplateKindSet PodTemplateKinds { get; } = new();

    /// <summary>
    /// Severities by rule ID that replace the catalogue's default severity of those rules in findings (a team's
    /// configuration, such as SM2001 as an error); rules not named keep their default.
    /// </summary>
    public IDictionary<string, RuleSeverity> Severities { get; } = new Dictionary<string, RuleSeverity>(StringComparer.Ordinal);

    /// <summary>
    /// A case-insensitive regular expression for the env var and ConfigMap key names that look like secrets (SM2005,
    /// SM2016), replacing the catalogue's markers (password, secret, token, ...); null for the markers. It is the same
    /// setting as the analyzers' <c>secure_manifests.secret_name_pattern</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The value is not a valid regular expression.</exception>
    public string? SecretNamePattern
    {
        get => _secretNamePattern;
        set
        {
            SecretNames = value is null
                ? Semantics.SecretNamePattern.Default
                : Semantics.SecretNamePattern.TryCreate(value) ?? throw new ArgumentException($"'{value}' is not a valid regular expression", nameof(value));
            _secretNamePattern = value;
        }
    }

    /// <summary>The names that look secret under <see cref="SecretNamePattern"/>.</summary>
    internal Semantics.SecretNamePattern SecretNames { get; private set; } = Semantics.SecretNamePattern.Default;

    /// <summary>The severity findings of <paramref name="rule"/> get: its entry in <see cref="Severities"/>, else its default.</summary>
    public RuleSeverity SeverityOf(RuleDescriptor rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Severities.TryGetValue(rule.Id, out var severity) ? severity : rule.DefaultSeverity;
    }

    /// <summary>Whether <paramref name="rule"/> is checked under these options.</summary>
    public bool IsEnabled(RuleDescriptor rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (ExcludedRules.Contains(rule.Id))
        {
            return false;
        }

        return rule.IsInProfile(Profile) || IncludedRules.Contains(rule.Id);
    }
}
