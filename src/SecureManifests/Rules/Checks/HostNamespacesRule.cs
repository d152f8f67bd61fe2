namespace SecureManifests.Rules.Checks;

/// <summary>SM1002: the pod must not share the host's network, PID or IPC namespace (PSA <c>hostNamespaces</c>).</summary>
internal sealed class HostNamespacesRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.HostNamespaces;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        var spec = target.PodSpec;
        if (spec is null)
        {
            return;
        }

        if (spec.HostNetwork == true)
        {
            Report(target, context, "hostNetwork");
        }

        if (spec.HostPID == true)
        {
            Report(target, context, "hostPID");
        }

        if (spec.HostIPC == true)
        {
            Report(target, context, "hostIPC");
        }
    }

    private static void Report(RuleTarget target, RuleContext context, string field) =>
        context.Report(target, target.PodSpecPath + "." + field,
            $"{field} is true in the pod spec of {target.Description}: set it to false or remove it");
}
