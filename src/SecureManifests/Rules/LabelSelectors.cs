using k8s.Models;
using SecureManifests.Rules.Semantics;

namespace SecureManifests.Rules;

/// <summary>Label selector matching as the API server does it, for the selector and coverage rules.</summary>
internal static class LabelSelectors
{
    /// <summary>Whether <paramref name="selector"/> selects an object with <paramref name="labels"/>.</summary>
    /// <remarks>An empty selector matches everything; an unknown operator matches nothing.</remarks>
    public static bool Matches(V1LabelSelector selector, IDictionary<string, string>? labels)
    {
        ArgumentNullException.ThrowIfNull(selector);
        if (selector.MatchLabels is { } matchLabels)
        {
            foreach (var (key, value) in matchLabels)
            {
                if (labels is null || !labels.TryGetValue(key, out var actual) || !string.Equals(actual, value, StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        if (selector.MatchExpressions is { } expressions)
        {
            foreach (var expression in expressions)
            {
                if (expression is not null && !Matches(expression, labels))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Whether an equality-only selector (Service, ReplicationController) selects <paramref name="labels"/>.</summary>
    public static bool Matches(IDictionary<string, string> selector, IDictionary<string, string>? labels)
    {
        ArgumentNullException.ThrowIfNull(selector);
        foreach (var (key, value) in selector)
        {
            if (labels is null || !labels.TryGetValue(key, out var actual) || !string.Equals(actual, value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="selector"/> has no requirement at all (and so selects everything).</summary>
    public static bool IsEmpty(V1LabelSelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return (selector.MatchLabels is null || selector.MatchLabels.Count == 0) &&
               (selector.MatchExpressions is null || selector.MatchExpressions.Count == 0);
    }

    private static bool Matches(V1LabelSelectorRequirement requirement, IDictionary<string, string>? labels)
    {
        string? actual = null;
        var has = labels is not null && requirement.Key is not null && labels.TryGetValue(requirement.Key, out actual);
        var values = requirement.Values;
        switch (requirement.OperatorProperty)
        {
            case SelectorOperators.In:
                return has && values is not null && values.Contains(actual!);
            case SelectorOperators.NotIn:
                return !has || values is null || !values.Contains(actual!);
            case SelectorOperators.Exists:
                return has;
            case SelectorOperators.DoesNotExist:
                return !has;
            default:
                return false;
        }
    }
}
