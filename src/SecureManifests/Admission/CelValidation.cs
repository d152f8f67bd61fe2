namespace SecureManifests.Admission;

/// <summary>
/// One CEL validation of one rule: the expression is true when the object complies. The message starts with
/// the rule ID and names the field, so a denied user sees which rule and where.
/// </summary>
internal sealed record CelValidation(string RuleId, string Expression, string Message)
{
    /// <summary>A validation of <paramref name="ruleId"/> whose message reads <c>SM1001: FIELD ...</c>.</summary>
    public static CelValidation Of(string ruleId, string expression, string field, string requirement) =>
        new(ruleId, expression, ruleId + ": " + field + " " + requirement);
}
