using SecureManifests.Rules.Semantics;
using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>SM4005 (opt-in): a Service of type NodePort or LoadBalancer.</summary>
internal sealed class ExposedServiceRule : IObjectRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.ExposedService;

    /// <inheritdoc />
    public void Check(RuleTarget target, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        if (target.Source is V1Service service && ServiceTypes.IsExposed(service.Spec?.Type))
        {
            context.Report(target, "spec.type",
                $"spec.type of {target.Description} is {service.Spec!.Type}, which opens it outside the cluster: " +
                "use type: ClusterIP and expose it through an Ingress with TLS");
        }
    }
}
