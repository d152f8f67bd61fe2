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
    public void Check(IReadOnlyList<RuleTarget> targets, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(context);
        var index = ObjectSetIndex.For(targets);
        foreach (var t in targets)
        {
            if (t.Source is not V1Ingress { Spec: { } spec })
            {
                continue;
            }

            var ns = ObjectSetIndex.NamespaceOf(t);
            CheckBackend(t, ns, spec.DefaultBackend?.Service, "spec.defaultBackend.service", index, context);
            if (spec.Rules is not { } rules)
            {
                continue;
            }

            for (var i = 0; i < rules.Count; i++)
            {
                if (rules[i]?.Http?.Paths is not { } paths)
                {
                    continue;
                }

                for (var j = 0; j < paths.Count; j++)
                {
                    CheckBackend(t, ns, paths[j]?.Backend?.Service,
                        "spec.rules[" + Number(i) + "].http.paths[" + Number(j) + "].backend.service", index, context);
                }
            }
        }
    }

    private static void CheckBackend(
        RuleTarget t, string ns, V1IngressServiceBackend? backend, string path, ObjectSetIndex index, RuleContext context)
    {
        if (backend is null || string.IsNullOrEmpty(backend.Name))
        {
            return;
        }

        var service = index.Service(ns, backend.Name);
        if (service is null)
        {
            context.Report(t, path + ".name",
                $"{path}.name of {t.Description} names Service '{backend.Name}', which is not in namespace " +
                $"{(ns.Length == 0 ? "(no namespace)" : ns)}: add the Service or fix the name");
            return;
        }

        var ports = service.Spec?.Ports;
        if (backend.Port?.Number is { } number)
        {
            if (ports is null || !ports.Any(p => p?.Port == number))
            {
                context.Report(t, path + ".port.number",
                    $"{path}.port.number of {t.Description} is {Number(number)}, which Service '{backend.Name}' does not declare " +
                    $"(spec.ports: {Declared(ports)}): use one of its ports");
            }
        }
        else if (!string.IsNullOrEmpty(backend.Port?.Name))
        {
            var name = backend.Port.Name;
            if (ports is null || !ports.Any(p => string.Equals(p?.Name, name, StringComparison.Ordinal)))
            {
                context.Report(t, path + ".port.name",
                    $"{path}.port.name of {t.Description} is '{name}', which Service '{backend.Name}' does not declare " +
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
