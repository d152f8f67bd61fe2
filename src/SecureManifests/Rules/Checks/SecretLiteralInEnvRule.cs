using SecureManifests.Rules.Semantics;
using System.Globalization;

namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM2005: an env var whose name looks secret must not carry a literal value. The message never repeats
/// the value: findings end up in CI logs.
/// </summary>
internal sealed class SecretLiteralInEnvRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.SecretLiteralInEnv;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        foreach (var c in target.Containers)
        {
            if (c.Env is null)
            {
                continue;
            }

            for (var i = 0; i < c.Env.Count; i++)
            {
                var env = c.Env[i];
                if (env is null || !SecretHeuristics.IsSecretLiteralEnv(env.Name, env.Value, context.Options.SecretNames))
                {
                    continue;
                }

                context.Report(target, c.Path + ".env[" + i.ToString(CultureInfo.InvariantCulture) + "].value",
                    $"env '{env.Name}' of {c.Description} looks like a secret and has a literal value: " +
                    "mount the Secret as a read-only file and pass its path (for example " + env.Name + "_FILE)", c.Name);
            }
        }
    }
}
