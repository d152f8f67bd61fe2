using SecureManifests.Rules.Semantics;
using System.Globalization;

namespace SecureManifests.Rules.Checks;

/// <summary>SM1015: pod sysctls only from the safe set of the PSS version (PSA <c>sysctls</c>).</summary>
internal sealed class UnsafeSysctlRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.UnsafeSysctl;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        var sysctls = target.PodSpec?.SecurityContext?.Sysctls;
        if (sysctls is null)
        {
            return;
        }

        for (var i = 0; i < sysctls.Count; i++)
        {
            var name = sysctls[i]?.Name;
            if (!Sysctls.IsSafe(name, context.Version.Minor))
            {
                var index = i.ToString(CultureInfo.InvariantCulture);
                context.Report(target, target.PodSpecPath + ".securityContext.sysctls[" + index + "].name",
                    $"securityContext.sysctls[{index}] '{name}' of {target.Description} is not a safe sysctl in PSS {context.Version}: " +
                    $"remove it; safe sysctls are {string.Join(", ", Sysctls.SafeAt(context.Version.Minor))}");
            }
        }
    }
}
