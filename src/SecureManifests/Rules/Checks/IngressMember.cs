using System.Globalization;
using k8s.Models;

namespace SecureManifests.Rules.Checks;

/// <summary>An Ingress: the Service backends it names (the default backend, then every rule path), with their paths.</summary>
internal sealed class IngressMember : SetMember
{
    public IngressMember(RuleTarget target, V1IngressSpec? spec, StringPool pool)
        : base(target, pool)
    {
        var backends = new List<IngressBackend>();
        Add(backends, spec?.DefaultBackend?.Service, "spec.defaultBackend.service", pool);
        if (spec?.Rules is { } rules)
        {
            for (var i = 0; i < rules.Count; i++)
            {
                if (rules[i]?.Http?.Paths is not { } paths)
                {
                    continue;
                }

                for (var j = 0; j < paths.Count; j++)
                {
                    Add(backends, paths[j]?.Backend?.Service, "spec.rules[" + Number(i) + "].http.paths[" + Number(j) + "].backend.service", pool);
                }
            }
        }

        Backends = backends;
    }

    /// <summary>The backends that name a Service, in order. Resource backends are not Services and are left out.</summary>
    public IReadOnlyList<IngressBackend> Backends { get; }

    /// <inheritdoc />
    public override IEnumerable<string> ReportPaths => Backends.SelectMany(b => new[] { b.NamePath, b.PortNumberPath, b.PortNamePath });

    private static void Add(List<IngressBackend> result, V1IngressServiceBackend? backend, string path, StringPool pool)
    {
        if (backend is not null && !string.IsNullOrEmpty(backend.Name))
        {
            result.Add(new IngressBackend(pool.Intern(path), backend));
        }
    }

    private static string Number(int i) => i.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A Service backend of an Ingress.</summary>
/// <param name="Path">Its path, such as <c>spec.rules[0].http.paths[1].backend.service</c>.</param>
/// <param name="Service">The backend.</param>
internal sealed record IngressBackend(string Path, V1IngressServiceBackend Service)
{
    /// <summary>The path of the Service's name.</summary>
    public string NamePath { get; } = Path + ".name";

    /// <summary>The path of the port number.</summary>
    public string PortNumberPath { get; } = Path + ".port.number";

    /// <summary>The path of the port name.</summary>
    public string PortNamePath { get; } = Path + ".port.name";
}
