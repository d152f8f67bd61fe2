namespace SecureManifests.Rules;

/// <summary>A rule that judges each object on its own (the common case).</summary>
internal interface IObjectRule
{
    /// <summary>The catalogue ID of the rule this check implements.</summary>
    string RuleId { get; }

    /// <summary>Checks one object and reports what is wrong through <paramref name="context"/>.</summary>
    void Check(RuleTarget target, RuleContext context);
}
