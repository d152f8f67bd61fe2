namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM1019: every container sets <c>readOnlyRootFilesystem: true</c>. Windows pods are exempt: Windows
/// containers do not support a read-only root file system, so the field would be rejected there.
/// </summary>
internal sealed class WritableRootFilesystemRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.WritableRootFilesystem;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        if (target.IsWindowsPod)
        {
            return;
        }

        foreach (var c in target.Containers)
        {
            var value = c.SecurityContext?.ReadOnlyRootFilesystem;
            if (value != true)
            {
                var state = value is null ? "is not set" : "is false";
                context.Report(target, c.Path + ".securityContext.readOnlyRootFilesystem",
                    $"securityContext.readOnlyRootFilesystem {state} in {c.Description}: set it to true and mount an emptyDir for paths it writes", c.Name);
            }
        }
    }
}
