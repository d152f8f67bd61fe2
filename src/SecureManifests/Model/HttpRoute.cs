using System.Text.RegularExpressions;
using k8s;
using SecureManifests.Validation;

namespace SecureManifests.Model;

/// <summary>
/// Gateway API routing (<c>gateway.networking.k8s.io/v1</c> HTTPRoute) from a shared Gateway to Services of the app, the
/// successor of <see cref="Ingress"/>. Each route also admits the Gateway's namespace to the backend's pods on the routed
/// port, and on no other.
/// </summary>
public sealed partial class HttpRoute : ManifestObject
{
    // Gateway API's own limits (the HTTPRoute CRD's maxItems), checked here rather than by the API server.
    private const int MaxHostnames = 16;
    private const int MaxRules = 16;
    private const int MaxPathLength = 1024;

    private readonly List<(string Path, Service Service, string Port)> _routes = [];
    private readonly string[] _hostnames;

    internal HttpRoute(Namespace ns, string name, GatewayReference gateway, string[] hostnames)
        : base(ns.App, ns, HttpRouteResource.KindName, name, NameFormat.Subdomain)
    {
        if (!KubernetesNames.IsDns1123Label(gateway.NamespaceName))
        {
            throw Invalid("spec.parentRefs[0].namespace", $"'{gateway.NamespaceName}' is not a valid namespace name");
        }

        if (NameFormat.Subdomain.Check(gateway.Name) is { } problem)
        {
            throw Invalid("spec.parentRefs[0].name", problem);
        }

        if (gateway.SectionName is { } section && !KubernetesNames.IsDns1123Subdomain(section))
        {
            throw Invalid("spec.parentRefs[0].sectionName", $"'{section}' is not a valid listener name");
        }

        if (hostnames.Length > MaxHostnames)
        {
            throw Invalid("spec.hostnames", $"{hostnames.Length} host names; an HTTPRoute holds at most {MaxHostnames}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var host in hostnames)
        {
            if (!KubernetesNames.IsHostName(host))
            {
                throw Invalid($"spec.hostnames[{host}]", $"'{host}' is not a valid host name");
            }

            if (!seen.Add(host))
            {
                throw Invalid($"spec.hostnames[{host}]", $"host name '{host}' is listed twice");
            }
        }

        Gateway = gateway;
        _hostnames = [.. hostnames];
    }

    /// <summary>The Gateway the route attaches to.</summary>
    public GatewayReference Gateway { get; }

    /// <summary>The host names it serves; empty for every host name of the Gateway's listener.</summary>
    public IReadOnlyList<string> Hostnames => _hostnames;

    /// <summary>
    /// Routes requests under <paramref name="pathPrefix"/> to a port of a Service of this app, and lets the Gateway's
    /// namespace reach the Service's pods on that port.
    /// </summary>
    public HttpRoute Route(string pathPrefix, Service service, string portName)
    {
        Arguments.NotNull(pathPrefix, Reference);
        Arguments.NotNull(service, Reference);
        Arguments.NotNull(portName, Reference);
        var rule = $"spec.rules[{pathPrefix}]";
        RequireSameApp(service, rule + ".backendRefs[0]");
        if (PathProblem(pathPrefix) is { } problem)
        {
            throw Invalid(rule + ".matches[0].path.value", problem);
        }

        RequireRouteBackend(service, portName, rule + ".backendRefs[0]", rule + ".backendRefs[0].port");

        if (_routes.Any(r => r.Path == pathPrefix))
        {
            throw Invalid(rule, $"path '{pathPrefix}' is routed twice");
        }

        if (_routes.Count == MaxRules)
        {
            throw Invalid(rule, $"an HTTPRoute holds at most {MaxRules} rules; route the other paths with a second HTTPRoute");
        }

        _routes.Add((pathPrefix, service, portName));
        service.Target.AddInbound(new InboundRule(null, Gateway.NamespaceName, service.TargetPortOf(portName)));
        return this;
    }

    internal override void ValidateComplete()
    {
        if (_routes.Count == 0)
        {
            throw Invalid("spec.rules", "the HTTPRoute routes nothing; add a route with Route(pathPrefix, service, port)");
        }
    }

    internal override IEnumerable<IKubernetesObject> Emit()
    {
        yield return new HttpRouteResource
        {
            Metadata = Metadata(Name),
            Spec = new HttpRouteSpec(
                [new ParentReference(Gateway.NamespaceName, Gateway.Name, Gateway.SectionName)],
                _hostnames.Length == 0 ? null : _hostnames,
                [.. _routes.Select(r => new HttpRouteRule(
                    [new HttpRouteMatch(new HttpPathMatch("PathPrefix", r.Path))],
                    [new HttpBackendReference(r.Service.Name, r.Service.ServicePortOf(r.Port))]))]),
        };
    }

    /// <summary>What the HTTPRoute CRD's validation rules refuse in a <c>PathPrefix</c> value, or null.</summary>
    private static string? PathProblem(string path)
    {
        if (path.Length == 0 || path[0] != '/')
        {
            return $"'{path}' must start with '/'";
        }

        if (path.Length > MaxPathLength)
        {
            return $"the path is {path.Length} characters long; Gateway API allows {MaxPathLength}";
        }

        if (!PathCharacters().IsMatch(path))
        {
            return $"'{path}' holds a character a URL path cannot (allowed: letters, digits, -/._~!$&'()*+,;=:@ and %XX escapes)";
        }

        string[] forbidden = ["//", "/./", "/../", "%2f", "%2F"];
        if (forbidden.FirstOrDefault(f => path.Contains(f, StringComparison.Ordinal)) is { } part)
        {
            return $"'{path}' must not contain '{part}'";
        }

        return path.EndsWith("/.", StringComparison.Ordinal) || path.EndsWith("/..", StringComparison.Ordinal)
            ? $"'{path}' must not end with a '.' or '..' segment"
            : null;
    }

    [GeneratedRegex("^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|%[0-9a-fA-F]{2})+$", RegexOptions.CultureInvariant)]
    private static partial Regex PathCharacters();
}
