using SecureManifests.Rules.Semantics;
using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM1013: SELinux type only one of the container types, and no user or role, on the pod or any container
/// (PSA <c>seLinuxOptions</c>; <c>container_engine_t</c> allowed from v1.31).
/// </summary>
internal sealed class SelinuxCustomOptionsRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.SelinuxCustomOptions;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        var spec = target.PodSpec;
        if (spec is null)
        {
            return;
        }

        Check(target, context, spec.SecurityContext?.SeLinuxOptions, target.PodSpecPath, "the pod spec of " + target.Description, null);
        foreach (var c in target.Containers)
        {
            Check(target, context, c.SecurityContext?.SeLinuxOptions, c.Path, c.Description, c.Name);
        }
    }

    private static void Check(
        RuleTarget target, RuleContext context, V1SELinuxOptions? options, string ownerPath, string owner, string? container)
    {
        if (options is null)
        {
            return;
        }

        var path = ownerPath + ".securityContext.seLinuxOptions";
        if (!SeLinuxTypes.IsAllowed(options.Type, context.Version.Minor))
        {
            context.Report(target, path + ".type",
                $"securityContext.seLinuxOptions.type is '{options.Type}' in {owner}: use one of " +
                $"{string.Join(", ", SeLinuxTypes.AllowedAt(context.Version.Minor))} or leave it unset", container);
        }

        if (SeLinuxTypes.IsCustomUserOrRole(options.User))
        {
            context.Report(target, path + ".user",
                $"securityContext.seLinuxOptions.user is '{options.User}' in {owner}: remove it", container);
        }

        if (SeLinuxTypes.IsCustomUserOrRole(options.Role))
        {
            context.Report(target, path + ".role",
                $"securityContext.seLinuxOptions.role is '{options.Role}' in {owner}: remove it", container);
        }
    }
}
