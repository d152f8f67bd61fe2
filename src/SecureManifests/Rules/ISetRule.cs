namespace SecureManifests.Rules;

/// <summary>A rule that needs the whole set of objects, such as dangling references or coverage by policies.</summary>
internal interface ISetRule
{
    /// <summary>The catalogue ID of the rule this check implements.</summary>
    string RuleId { get; }

    /// <summary>Checks the set and reports what is wrong through <paramref name="context"/>.</summary>
    void Check(IReadOnlyList<RuleTarget> targets, RuleContext context);
}
