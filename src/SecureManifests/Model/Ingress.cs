using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;
using SecureManifests.Validation;

namespace SecureManifests.Model;

/// <summary>An HTTPS entry point for one host (networking.k8s.io/v1 Ingress), routing paths to Services of the app.</summary>
public sealed class Ingress : ManifestObject
{
    private readonly List<(string Path, Service Service, string Port)> _routes = [];
    private string? _className;

    internal Ingress(Namespace ns, string name, string host, string tlsSecretName)
        : base(ns.App, ns, "Ingress", name, NameFormat.Subdomain)
    {
        if (!KubernetesNames.IsHostName(host))
        {
            throw Invalid("spec.rules[0].host", $"'{host}' is not a valid host name");
        }

        var problem = NameFormat.Subdomain.Check(tlsSecretName);
        if (problem is not null)
        {
            throw Invalid("spec.tls[0].secretName", problem);
        }

        Host = host;
        TlsSecretName = tlsSecretName;
    }

    public string Host { get; }

    /// <summary>The Secret holding the certificate, usually issued by cert-manager.</summary>
    public string TlsSecretName { get; }

    /// <summary>Routes requests under <paramref name="path"/> (prefix match) to a port of a Service of this app.</summary>
    public Ingress Route(string path, Service service, string portName)
    {
        Arguments.NotNull(path, Reference);
        Arguments.NotNull(service, Reference);
        Arguments.NotNull(portName, Reference);
        RequireSameApp(service, $"spec.rules[0].http.paths[{path}].backend");
        if (string.IsNullOrEmpty(path) || path[0] != '/')
        {
            throw Invalid($"spec.rules[0].http.paths[{path}].path", $"'{path}' must start with '/'");
        }

        RequireRouteBackend(service, portName, $"spec.rules[0].http.paths[{path}].backend", $"spec.rules[0].http.paths[{path}].backend.service.port");

        if (_routes.Any(r => r.Path == path))
        {
            throw Invalid($"spec.rules[0].http.paths[{path}]", $"path '{path}' is routed twice");
        }

        _routes.Add((path, service, portName));
        return this;
    }

    /// <summary>The IngressClass that serves it, e.g. <c>nginx</c>.</summary>
    public Ingress WithClassName(string className)
    {
        Arguments.NotNull(className, Reference);
        var problem = NameFormat.Subdomain.Check(className);
        if (problem is not null)
        {
            throw Invalid("spec.ingressClassName", problem);
        }

        _className = className;
        return this;
    }

    /// <summary>
    /// The typed escape hatch for what the SDK does not name: changes the emitted <c>V1Ingress</c> after every default is
    /// applied. The result is checked like everything else: an insecure change fails the synth unless a relaxation with
    /// a reason covers it.
    /// </summary>
    public Ingress Customize(Action<V1Ingress> change, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Arguments.NotNull(change, Reference);
        CustomizationsOf.Add(change, callerFile, callerLine);
        return this;
    }

    internal override void ValidateComplete()
    {
        if (_routes.Count == 0)
        {
            throw Invalid("spec.rules[0].http.paths", "the Ingress routes nothing; add a route with Route(path, service, port)");
        }
    }

    internal override IEnumerable<IKubernetesObject> Emit()
    {
        yield return new V1Ingress
        {
            ApiVersion = "networking.k8s.io/v1",
            Kind = "Ingress",
            Metadata = Metadata(Name),
            Spec = new V1IngressSpec
            {
                IngressClassName = _className,
                Tls = [new V1IngressTLS { Hosts = [Host], SecretName = TlsSecretName }],
                Rules =
                [
                    new V1IngressRule
                    {
                        Host = Host,
                        Http = new V1HTTPIngressRuleValue
                        {
                            Paths = [.. _routes.Select(r => new V1HTTPIngressPath
                            {
                                Path = r.Path,
                                PathType = "Prefix",
                                Backend = new V1IngressBackend
                                {
                                    Service = new V1IngressServiceBackend { Name = r.Service.Name, Port = new V1ServiceBackendPort { Name = r.Port } },
                                },
                            })],
                        },
                    },
                ],
            },
        };
    }
}
