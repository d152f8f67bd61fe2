namespace SecureManifests.Rules;

/// <summary>
/// A rule that needs the whole set of objects, such as dangling references or coverage by policies. It sees each
/// object of the set only as the compact member the index kept of it, after the whole set has been indexed.
/// </summary>
internal interface ISetRule
{
    /// <summary>The catalogue ID of the rule this check implements.</summary>
    string RuleId { get; }

    /// <summary>Checks one member of the set against <paramref name="index"/> and reports through <paramref name="context"/>.</summary>
    void Check(Checks.SetMember member, Checks.ObjectSetIndex index, RuleContext context);
}
