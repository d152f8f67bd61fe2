using System.Globalization;
using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>
/// SM4008: an Ingress backend (the default backend and every rule path) names a Service that is not in the set
/// in the Ingress's namespace, or a port, by number or by name, that the Service does not declare.
/// Resource backends are not Services and are skipped.
/// </summary>
internal sealed class DanglingIngressRule : ISetRule
{
    /// <inheritdoc />
    public string RuleId => RuleIds.DanglingIngress;

    /// <inheritdoc />
    public void Check(SetMember member, ObjectSetIndex index, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(context);
        if (member is not IngressMember ingress)
        {
            return;
        }

        foreach (var backend in ingress.Backends)
        {
            CheckBackend(ingress, backend, index, context);
        }
    }

    private static void CheckBackend(IngressMember t, IngressBackend b, ObjectSetIndex index, RuleContext context)
    {
        var ns = t.SetNamespace;
        var backend = b.Service;
        var service = index.Service(ns, backend.Name);
        if (service is null)
        {
            context.Report(t, b.NamePath,
                $"{b.NamePath} of {t.Description} names Service '{backend.Name}', which is not in namespace " +
                $"{(ns.Length == 0 ? "(no namespace)" : ns)}: add the Service or fix the name");
            return;
        }

        var ports = service.Spec?.Ports;
        if (backend.Port?.Number is { } number)
        {
            if (ports is null || !ports.Any(p => p?.Port == number))
            {
                context.Report(t, b.PortNumberPath,
                    $"{b.PortNumberPath} of {t.Description} is {Number(number)}, which Service '{backend.Name}' does not declare " +
                    $"(spec.ports: {Declared(ports)}): use one of its ports");
            }
        }
        else if (!string.IsNullOrEmpty(backend.Port?.Name))
        {
            var name = backend.Port.Name;
            if (ports is null || !ports.Any(p => string.Equals(p?.Name, name, StringComparison.Ordinal)))
            {
                context.Report(t, b.PortNamePath,
                    $"{b.PortNamePath} of {t.Description} is '{name}', which Service '{backend.Name}' does not declare " +
                    $"(spec.ports: {Declared(ports)}): use one of its port names");
            }
        }
    }

    private static string Declared(IList<V1ServicePort>? ports) =>
        ports is null || ports.Count == 0
            ? "none"
            : string.Join(", ", ports.Where(p => p is not null).Select(p => string.IsNullOrEmpty(p.Name) ? Number(p.Port) : p.Name + "=" + Number(p.Port)));

    private static string Number(int i) => i.ToString(CultureInfo.InvariantCulture);
}
