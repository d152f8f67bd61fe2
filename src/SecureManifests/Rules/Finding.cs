namespace SecureManifests.Rules;

/// <summary>One violation of one rule by one object (and, where it applies, one container).</summary>
public sealed class Finding
{
    /// <summary>Creates a finding.</summary>
    public Finding(
        string ruleId,
        RuleSeverity severity,
        string kind,
        string? @namespace,
        string name,
        string? container,
        string path,
        string message,
        int objectIndex,
        string? waiverReason = null)
    {
        RuleId = ruleId;
        Severity = severity;
        Kind = kind;
        Namespace = @namespace;
        Name = name;
        Container = container;
        Path = path;
        Message = message;
        ObjectIndex = objectIndex;
        WaiverReason = waiverReason;
    }

    /// <summary>The rule, such as <c>SM1001</c>.</summary>
    public string RuleId { get; }

    /// <summary>The severity: the rule's default, or what <see cref="RuleEngineOptions.Severities"/> sets for it.</summary>
    public RuleSeverity Severity { get; }

    /// <summary>The object's kind, such as <c>Deployment</c>.</summary>
    public string Kind { get; }

    /// <summary>The object's namespace, or null when it has none.</summary>
    public string? Namespace { get; }

    /// <summary>The object's name (empty when the object has none).</summary>
    public string Name { get; }

    /// <summary>The container the finding is about, or null when it is about the object or pod.</summary>
    public string? Container { get; }

    /// <summary>The field, such as <c>spec.template.spec.containers[0].securityContext.privileged</c>.</summary>
    public string Path { get; }

    /// <summary>What is wrong, naming the field and the safe value.</summary>
    public string Message { get; }

    /// <summary>Index of the object in the list given to <see cref="RuleEngine.Evaluate"/> (or in the order given to <see cref="RuleEvaluation.Add"/>).</summary>
    public int ObjectIndex { get; }

    /// <summary>The reason of the waiver that covers this finding, when waived findings are reported.</summary>
    public string? WaiverReason { get; }

    /// <summary>
    /// Whether a waiver covers this finding (only returned with <see cref="RuleEngineOptions.ReportWaived"/>): reports
    /// show it as suppressed, and it never fails a lint or a synth.
    /// </summary>
    public bool IsSuppressed => WaiverReason is not null;

    /// <summary><c>SM1001 Deployment shop/api: message</c>, for logs and test output.</summary>
    public override string ToString()
    {
        var ns = string.IsNullOrEmpty(Namespace) ? string.Empty : Namespace + "/";
        return $"{RuleId} {Kind} {ns}{Name} {Path}: {Message}";
    }
}
