using System.Globalization;

namespace SecureManifests.Rules.Checks;

/// <summary>SM2007: an env var name appears once per container.</summary>
internal sealed class DuplicateEnvVarRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.DuplicateEnvVar;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        foreach (var c in target.Containers)
        {
            if (c.Env is not { Count: > 1 } env)
            {
                continue;
            }

            HashSet<string>? seen = null;
            for (var i = 0; i < env.Count; i++)
            {
                var name = env[i]?.Name;
                if (name is null)
                {
                    continue;
                }

                seen ??= new HashSet<string>(StringComparer.Ordinal);
                if (!seen.Add(name))
                {
                    context.Report(target, c.Path + ".env[" + i.ToString(CultureInfo.InvariantCulture) + "].name",
                        $"env '{name}' is defined more than once in {c.Description}, and the last value wins: keep one definition", c.Name);
                }
            }
        }
    }
}
