using System.Globalization;

namespace SecureManifests.Rules.Checks;

/// <summary>SM2006 (opt-in): Secrets read into env (<c>secretKeyRef</c>, <c>envFrom.secretRef</c>) instead of mounted files.</summary>
internal sealed class SecretViaEnvRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.SecretViaEnv;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        foreach (var c in target.Containers)
        {
            if (c.Env is { } env)
            {
                for (var i = 0; i < env.Count; i++)
                {
                    if (env[i]?.ValueFrom?.SecretKeyRef is { } reference)
                    {
                        context.Report(target, c.Path + ".env[" + Index(i) + "].valueFrom.secretKeyRef",
                            $"env '{env[i].Name}' of {c.Description} reads Secret '{reference.Name}' into the environment: " +
                            "mount the Secret as a read-only volume instead", c.Name);
                    }
                }
            }

            if (c.EnvFrom is { } envFrom)
            {
                for (var i = 0; i < envFrom.Count; i++)
                {
                    if (envFrom[i]?.SecretRef is { } reference)
                    {
                        context.Report(target, c.Path + ".envFrom[" + Index(i) + "].secretRef",
                            $"envFrom[{Index(i)}] of {c.Description} loads Secret '{reference.Name}' into the environment: " +
                            "mount the Secret as a read-only volume instead", c.Name);
                    }
                }
            }
        }
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
