using SecureManifests.Rules;

namespace SecureManifests.Cli.Config;

/// <summary>
/// What a <c>.securemanifests.yaml</c> sets; null or empty for what it leaves out. Applied to the lint options before
/// the command line's flags, so a flag given wins (<see cref="Lint.LintOptions.Apply"/>).
/// </summary>
internal sealed class LintConfig
{
    /// <summary>The file as reports name it.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The file's absolute path.</summary>
    public required string FullPath { get; init; }

    public RuleProfile? Profile { get; set; }

    public PssVersion? PssVersion { get; set; }

    public RuleSeverity? FailOn { get; set; }

    /// <summary>The namespace of objects without one (<c>--namespace</c>).</summary>
    public string? Namespace { get; set; }

    /// <summary><c>rules.include</c>, as rule IDs.</summary>
    public List<string> Include { get; } = [];

    /// <summary><c>rules.exclude</c>, as rule IDs.</summary>
    public List<string> Exclude { get; } = [];

    /// <summary><c>rules.severity</c>: a severity per rule ID.</summary>
    public SortedDictionary<string, RuleSeverity> Severities { get; } = new(StringComparer.Ordinal);

    /// <summary><c>rules.secret-name-pattern</c>: a case-insensitive regular expression for names that look secret.</summary>
    public string? SecretNamePattern { get; set; }

    /// <summary><c>ignore-paths</c>: files of folder walks that lint leaves out.</summary>
    public List<PathGlob> IgnorePaths { get; } = [];

    /// <summary><c>pod-template-kinds</c>: more kinds whose pod the pod rules check.</summary>
    public List<PodTemplateKindSetting> PodTemplateKinds { get; } = [];

    /// <summary><c>crds</c>: CRD files whose schemas say where their kinds keep their pods, as absolute paths.</summary>
    public List<string> Crds { get; } = [];
}
