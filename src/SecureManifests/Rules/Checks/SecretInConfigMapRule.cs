using SecureManifests.Rules.Semantics;
using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>SM2016: a ConfigMap key that looks secret, or a value that looks like a private key or token. Values are never echoed.</summary>
internal sealed class SecretInConfigMapRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.SecretInConfigmap;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        if (target.Source is not V1ConfigMap { Data: { Count: > 0 } data })
        {
            return;
        }

        List<(string Key, string Reason)>? hits = null;
        foreach (var (key, value) in data)
        {
            if (SecretHeuristics.ConfigMapEntryLooksSecret(key, value, context.Options.SecretNames) is { } why)
            {
                (hits ??= new()).Add((key, why));
            }
        }

        if (hits is null)
        {
            return;
        }

        // Dictionary order is not defined; sort so the output is the same every run.
        hits.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var (key, reason) in hits)
        {
            context.Report(target, "data[" + key + "]",
                $"key '{key}' of {target.Description}: {reason}; move it to a Secret and mount it");
        }
    }
}
