using SecureManifests.Rules;

namespace SecureManifests.Tests.Rules;

/// <summary>
/// The shared mechanics of the table-driven rule tests: theory data from case names, the coverage check that
/// every rule of a range has a firing and a non-firing case, and the verdict on one case's findings.
/// </summary>
internal static class RuleCases
{
    public static TheoryData<string> Names<TCase>(IReadOnlyDictionary<string, TCase> cases)
    {
        var data = new TheoryData<string>();
        foreach (var name in cases.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>Rules <c>{prefix}01</c> to <c>{prefix}{count}</c> each have a case that fires and one that does not.</summary>
    public static void AssertEveryRuleHasBothCases(IEnumerable<(string RuleId, bool Fires)> cases, string prefix, int count)
    {
        var list = cases.ToList();
        for (var n = 1; n <= count; n++)
        {
            var id = prefix + n.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(list.Contains((id, true)), $"{id} has no firing case");
            Assert.True(list.Contains((id, false)), $"{id} has no non-firing case");
        }
    }

    /// <summary>
    /// <paramref name="findings"/> (already filtered to <paramref name="ruleId"/>) are empty when the case must not
    /// fire; otherwise non-empty, with the expected field path and message part when the case names them.
    /// </summary>
    public static void AssertVerdict(string name, string ruleId, bool fires, IReadOnlyList<Finding> findings, string? path, string? messagePart)
    {
        if (!fires)
        {
            Assert.True(findings.Count == 0, $"{name}: expected no {ruleId}, got " + string.Join(" | ", findings));
            return;
        }

        Assert.True(findings.Count > 0, $"{name}: expected {ruleId}, got none");
        if (path is not null)
        {
            Assert.True(findings.Any(f => f.Path == path), $"{name}: expected path {path}, got " + string.Join(" | ", findings));
        }

        if (messagePart is not null)
        {
            Assert.True(findings.Any(f => f.Message.Contains(messagePart, StringComparison.Ordinal)),
                $"{name}: expected '{messagePart}' in " + string.Join(" | ", findings));
        }
    }
}
