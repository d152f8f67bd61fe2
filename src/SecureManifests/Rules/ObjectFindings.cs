namespace SecureManifests.Rules;

/// <summary>What <see cref="RuleEvaluation.Add"/> found on one object.</summary>
public sealed class ObjectFindings
{
    internal ObjectFindings(IReadOnlyList<Finding> findings, IReadOnlyList<string> pendingPaths)
    {
        Findings = findings;
        PendingPaths = pendingPaths;
    }

    /// <summary>The findings of the per-object checks, ordered by rule ID.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>
    /// Every field at which <see cref="RuleEvaluation.Complete"/> may still report this object (for cross-object
    /// checks), such as <c>spec.template.metadata.labels</c>, so a caller that places findings in the source can note
    /// where those fields are and drop the rest of the object. Empty when no cross-object check looks at it.
    /// </summary>
    public IReadOnlyList<string> PendingPaths { get; }
}
