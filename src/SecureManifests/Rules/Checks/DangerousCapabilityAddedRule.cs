namespace SecureManifests.Rules.Checks;

/// <summary>SM1005: <c>capabilities.add</c> only within the Baseline set (PSA <c>capabilities_baseline</c>).</summary>
public sealed class DangerousCapabilityAddedRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.DangerousCapabilityAdded;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        foreach (var c in target.Containers)
        {
            var added = c.SecurityContext?.Capabilities?.Add;
            if (added is null)
            {
                continue;
            }

            List<string>? forbidden = null;
            foreach (var capability in added)
            {
                if (capability is null || !PodSecurityValues.BaselineCapabilities.Contains(capability))
                {
                    (forbidden ??= new List<string>()).Add(capability ?? "<null>");
                }
            }

            if (forbidden is not null)
            {
                context.Report(target, c.Path + ".securityContext.capabilities.add",
                    $"securityContext.capabilities.add of {c.Description} holds {string.Join(", ", forbidden)}: " +
                    "remove it; Baseline allows adding only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, " +
                    "NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID and SYS_CHROOT", c.Name);
            }
        }
    }
}
