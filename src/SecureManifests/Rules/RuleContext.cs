namespace SecureManifests.Rules;

/// <summary>
/// What a check gets besides the object: the options (profile, PSS version) and the way to report.
/// Reporting applies the rule's severity and the object's waivers, so checks never deal with either.
/// </summary>
internal sealed class RuleContext
{
    private readonly List<Finding> _findings;
    private RuleDescriptor? _rule;

    internal RuleContext(RuleEngineOptions options, List<Finding> findings)
    {
        Options = options;
        _findings = findings;
    }

    /// <summary>The options of this evaluation.</summary>
    public RuleEngineOptions Options { get; }

    /// <summary>The Pod Security Standards version to follow.</summary>
    public PssVersion Version => Options.Version;

    /// <summary>The profile being evaluated.</summary>
    public RuleProfile Profile => Options.Profile;

    /// <summary>The rule being checked.</summary>
    public RuleDescriptor Rule => _rule ?? throw new InvalidOperationException("No rule is being checked.");

    /// <summary>Reports a finding of the current rule on <paramref name="target"/>, unless a waiver covers it.</summary>
    /// <param name="target">The object.</param>
    /// <param name="path">The field, such as <c>spec.containers[0].securityContext.privileged</c>.</param>
    /// <param name="message">What is wrong, naming the field and the safe value.</param>
    /// <param name="container">The container's name, when the finding is about one container.</param>
    public void Report(RuleTarget target, string path, string message, string? container = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        Report(target.Waivers, target.Kind, target.Namespace, target.Name, target.Index, container, path, message);
    }

    /// <summary>Reports a finding of the current (cross-object) rule on <paramref name="member"/>, unless a waiver covers it.</summary>
    public void Report(Checks.SetMember member, string path, string message)
    {
        ArgumentNullException.ThrowIfNull(member);
        Report(member.Waivers, member.Kind, member.Namespace, member.Name, member.Index, null, path, message);
    }

    internal void Begin(RuleDescriptor rule) => _rule = rule;

    private void Report(Waivers waivers, string kind, string? @namespace, string name, int index, string? container, string path, string message)
    {
        var rule = Rule;
        var reason = waivers.ReasonFor(rule.Id);
        if (reason is not null && !Options.ReportWaived)
        {
            return;
        }

        _findings.Add(new Finding(rule.Id, Options.SeverityOf(rule), kind, @namespace, name, container, path, message, index, reason));
    }
}
