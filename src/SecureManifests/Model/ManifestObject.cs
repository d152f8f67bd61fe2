using k8s;
using k8s.Models;

namespace SecureManifests.Model;

/// <summary>An object defined through the SDK. It knows its app and namespace and how to emit its Kubernetes objects.</summary>
public abstract class ManifestObject
{
    private protected ManifestObject(App app, Namespace? ns, string kind, string name, NameFormat format)
    {
        App = app;
        Namespace = ns;
        Kind = kind;
        Name = name;
        var problem = format.Check(name);
        if (problem is not null)
        {
            throw new ManifestDefinitionException(Reference, "metadata.name", problem);
        }
    }

    public App App { get; }

    /// <summary>The namespace; null for cluster-scoped objects.</summary>
    public Namespace? Namespace { get; }

    public string Kind { get; }

    public string Name { get; }

    /// <summary><c>Kind namespace/name</c>, as error messages name the object.</summary>
    public string Reference => Namespace is null ? $"{Kind} {Name}" : $"{Kind} {Namespace.Name}/{Name}";

    private protected ManifestDefinitionException Invalid(string field, string problem) => new(Reference, field, problem);

    /// <summary>Fails when <paramref name="other"/> belongs to another app: connections and bindings stay inside one app.</summary>
    internal void RequireSameApp(ManifestObject other, string field)
    {
        if (!ReferenceEquals(other.App, App))
        {
            throw Invalid(field, $"{other.Reference} belongs to app '{other.App.Name}', not to '{App.Name}'; add it to this app first");
        }
    }

    /// <summary>
    /// Fails unless <paramref name="service"/> is in this object's namespace and exposes <paramref name="portName"/>: what
    /// a route (Ingress, HTTPRoute) may send traffic to. The app is checked first, with <see cref="RequireSameApp"/>.
    /// </summary>
    private protected void RequireRouteBackend(Service service, string portName, string backendField, string portField)
    {
        if (!ReferenceEquals(service.Namespace, Namespace))
        {
            throw Invalid(backendField, $"{service.Reference} is in another namespace; an {Kind} routes only to Services of its own namespace");
        }

        if (!service.Exposes(portName))
        {
            throw Invalid(portField, $"{service.Reference} does not expose port '{portName}'");
        }
    }

    /// <summary>Metadata with the recommended labels; <paramref name="instanceOf"/> names the workload it belongs to.</summary>
    private protected V1ObjectMeta Metadata(string name, string? instanceOf = null) => new()
    {
        Name = name,
        NamespaceProperty = Namespace?.Name,
        Labels = RecommendedLabels.For(App, instanceOf ?? name),
    };

    /// <summary>The SDK call that created the object; cross-object findings point there.</summary>
    internal SourceLocation? DefinedAt { get; private set; }

    internal abstract IEnumerable<IKubernetesObject> Emit();

    /// <summary>Records the call that created the object (the first record wins).</summary>
    internal virtual void DefineAt(string file, int line) => DefinedAt ??= SourceLocation.Of(file, line);

    /// <summary>
    /// The call that set the field at <paramref name="path"/> of <paramref name="emitted"/>, one of this object's own: the
    /// <c>Customize</c> that changed it, else the SDK call that set it, else the call that created the object.
    /// </summary>
    internal SourceLocation? Locate(IKubernetesObject emitted, string path) => CustomizationsOf.Locate(emitted, path) ?? LocateDefined(emitted, path);

    /// <summary>The SDK call that set the field, else the one that created the object.</summary>
    private protected virtual SourceLocation? LocateDefined(IKubernetesObject emitted, string path) => DefinedAt;

    /// <summary>The emitted objects with the <c>Customize</c> changes applied.</summary>
    internal IReadOnlyList<IKubernetesObject> EmitCustomized()
    {
        var objects = Emit().ToList();
        CustomizationsOf.ApplyTo(objects, Name, Reference);
        return objects;
    }

    private protected Customizations CustomizationsOf { get; } = new();

    /// <summary>Checks that can only run once the whole app is defined.</summary>
    internal virtual void ValidateComplete()
    {
    }
}
