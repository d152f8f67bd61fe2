using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM1017: probes and lifecycle hooks must not set <c>httpGet.host</c> or <c>tcpSocket.host</c>
/// (PSA <c>hostProbesAndHostLifecycle</c>, from v1.34).
/// </summary>
internal sealed class ProbeHostOverrideRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.ProbeHostOverride;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        if (!context.Version.IsAtLeast(34))
        {
            return;
        }

        foreach (var c in target.Containers)
        {
            CheckProbe(target, context, c, c.LivenessProbe, "livenessProbe");
            CheckProbe(target, context, c, c.ReadinessProbe, "readinessProbe");
            CheckProbe(target, context, c, c.StartupProbe, "startupProbe");
            CheckHandler(target, context, c, c.Lifecycle?.PostStart, "lifecycle.postStart");
            CheckHandler(target, context, c, c.Lifecycle?.PreStop, "lifecycle.preStop");
        }
    }

    private static void CheckProbe(RuleTarget target, RuleContext context, ContainerRef c, V1Probe? probe, string field)
    {
        if (probe is not null)
        {
            CheckHosts(target, context, c, probe.HttpGet?.Host, probe.TcpSocket?.Host, field);
        }
    }

    private static void CheckHandler(RuleTarget target, RuleContext context, ContainerRef c, V1LifecycleHandler? handler, string field)
    {
        if (handler is not null)
        {
            CheckHosts(target, context, c, handler.HttpGet?.Host, handler.TcpSocket?.Host, field);
        }
    }

    private static void CheckHosts(RuleTarget target, RuleContext context, ContainerRef c, string? httpHost, string? tcpHost, string field)
    {
        if (!string.IsNullOrEmpty(httpHost))
        {
            Report(target, context, c, field + ".httpGet.host", httpHost);
        }

        if (!string.IsNullOrEmpty(tcpHost))
        {
            Report(target, context, c, field + ".tcpSocket.host", tcpHost);
        }
    }

    private static void Report(RuleTarget target, RuleContext context, ContainerRef c, string field, string host) =>
        context.Report(target, c.Path + "." + field,
            $"{field} is '{host}' in {c.Description}: remove it so the kubelet connects to the pod's own IP", c.Name);
}
