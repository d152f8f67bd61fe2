namespace SecureManifests.Rules;

/// <summary>What the <see cref="RuleEngine"/> checks and against which policy version.</summary>
public sealed class RuleEngineOptions
{
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
