using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>SM4006: an Ingress with no <c>spec.tls</c> entry serves its hosts over plain HTTP.</summary>
internal sealed class IngressWithoutTlsRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.IngressWithoutTls;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        if (target.Source is V1Ingress ingress && ingress.Spec?.Tls is not { Count: > 0 })
        {
            context.Report(target, "spec.tls",
                $"spec.tls of {target.Description} is missing: add a tls entry with the hosts and the secretName of their certificate");
        }
    }
}
