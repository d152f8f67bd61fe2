using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s;
using k8s.Models;
using SecureManifests.Admission;
using SecureManifests.Defaults;
using SecureManifests.Model;
using SecureManifests.Networking;
using SecureManifests.Rules;
using SecureManifests.Schemas;
using SecureManifests.Validation;

namespace SecureManifests;

/// <summary>
/// The unit a team defines: namespaces with their workloads, services, configuration and access rules.
/// Derive from it and define the app in the constructor, or build one directly with <c>new App("shop")</c>.
/// </summary>
public class App
{
    private readonly List<Namespace> _namespaces = [];
    private readonly List<ManifestObject> _clusterObjects = [];
    private readonly List<(IKubernetesObject<V1ObjectMeta> Object, SourceLocation? At)> _rawObjects = [];

    public App(string name)
    {
        Arguments.NotNull(name, nameof(App), member: "new App");
        var problem = NameFormat.Label.Check(name);
        if (problem is not null)
        {
            throw new ManifestDefinitionException($"App {name}", "name", problem);
        }

        Name = name;
        Defaults = new ScopedDefaults($"App {name}", parent: null);
    }

    public string Name { get; }

    /// <summary>How definition errors name it: <c>App name</c>.</summary>
    internal string Reference => $"App {Name}";

    /// <summary>Defaults for the whole app; namespaces and workloads may override them.</summary>
    public ScopedDefaults Defaults { get; }

    public IReadOnlyList<Namespace> Namespaces => _namespaces;

    /// <summary>What <see cref="EnforceAtAdmission"/> asked for; null when the app writes no admission policies.</summary>
    internal AdmissionEnforcement? Admission { get; private set; }

    /// <summary>
    /// Also writes the app's ValidatingAdmissionPolicies and bindings at synth, to <c>_admission/</c> in the output
    /// folder, with a <c>kustomization.yaml</c> of its own (apply it as cluster-admin; the app's kustomization does not
    /// list it). The bindings select only this app's namespaces. Every waiver the app records (a relaxation with its
    /// reason) becomes an exemption of its namespace for the rules that have a policy: the Namespace label
    /// <c>securemanifests.io/exempt-&lt;ID&gt;: "true"</c>, with the reasons in the annotation of the same key. That is
    /// wider than the workload's relaxation: admission cannot tell one workload of a namespace from another.
    /// </summary>
    /// <param name="profile">The rules enforced; the synth's profile unless set.</param>
    /// <param name="pssVersion">The Pod Security Standards version; the synth's unless set.</param>
    /// <param name="action">What every binding does on a failure; unless set, errors are denied and the rest warned about.</param>
    /// <returns>This app.</returns>
    public App EnforceAtAdmission(RuleProfile? profile = null, PssVersion? pssVersion = null, AdmissionAction? action = null)
    {
        var enforcement = new AdmissionEnforcement(profile, pssVersion, action);
        enforcement.Validate($"App {Name}");
        Admission = enforcement;
        return this;
    }

    /// <summary>Adds a namespace. It gets Pod Security Admission labels and default-deny NetworkPolicies.</summary>
    public Namespace AddNamespace(string name, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Arguments.NotNull(name, Reference);
        if (_namespaces.Any(n => n.Name == name))
        {
            throw new ManifestDefinitionException($"Namespace {name}", "metadata.name", DefinitionProblems.DuplicateNamespace(name));
        }

        var ns = new Namespace(this, name) { DefinedAt = SourceLocation.Of(callerFile, callerLine) };
        _namespaces.Add(ns);
        return ns;
    }

    /// <summary>Adds a ClusterRole. Bind it to a workload with <see cref="Workload{TSelf}.Bind(ClusterRole)"/>.</summary>
    public ClusterRole AddClusterRole(string name, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        Arguments.NotNull(name, Reference);
        var role = new ClusterRole(this, name);
        role.DefineAt(callerFile, callerLine);
        return Track(role);
    }

    /// <summary>
    /// The escape hatch: any Kubernetes object, a CRD instance included, joins the output and the checks as it is.
    /// Namespaced objects must name one of this app's namespaces, and cluster-scoped ones none; the recommended labels
    /// are added when missing, and so are <c>apiVersion</c> and <c>kind</c>, from the model type (<c>new V1Pod { ... }</c>
    /// needs neither). An object of a type generated from a CRD (<c>[CustomResource]</c>) is checked against the CRD's
    /// schema here, as it will be written: a required field left out or a value the schema refuses is a definition error
    /// naming the field.
    /// </summary>
    public T Add<T>(T kubernetesObject, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        Arguments.NotNull(kubernetesObject, Reference);
        var at = SourceLocation.Of(callerFile, callerLine);
        if (EntityIdentity.TryGet(kubernetesObject.GetType(), out var apiVersion, out var kind))
        {
            kubernetesObject.ApiVersion = string.IsNullOrEmpty(kubernetesObject.ApiVersion) ? apiVersion : kubernetesObject.ApiVersion;
            kubernetesObject.Kind = string.IsNullOrEmpty(kubernetesObject.Kind) ? kind : kubernetesObject.Kind;
        }

        var ns = kubernetesObject.Metadata?.NamespaceProperty;
        var reference = $"{kubernetesObject.Kind ?? "object"} {(ns is null ? string.Empty : ns + "/")}{kubernetesObject.Metadata?.Name}";
        ManifestDefinitionException Invalid(string field, string problem) => new(reference, field, problem) { At = at };
        if (string.IsNullOrEmpty(kubernetesObject.ApiVersion) || string.IsNullOrEmpty(kubernetesObject.Kind))
        {
            throw Invalid("apiVersion/kind", "an object of a type without [KubernetesEntity] needs apiVersion and kind");
        }

        if (string.IsNullOrEmpty(kubernetesObject.Metadata?.Name))
        {
            throw Invalid("metadata.name", "a raw object needs a name");
        }

        if (ns is not null && _namespaces.All(n => n.Name != ns))
        {
            throw Invalid("metadata.namespace", $"namespace '{ns}' is not defined in app '{Name}'; add it with AddNamespace first");
        }

        var customResource = CustomResourceType.Of(kubernetesObject.GetType());
        if (ScopeProblem(kubernetesObject.Kind, ns is not null, customResource) is { } scope)
        {
            throw Invalid("metadata.namespace", scope);
        }

        kubernetesObject.Metadata.Labels ??= new Dictionary<string, string>(StringComparer.Ordinal);
        kubernetesObject.Metadata.Labels.TryAdd(RecommendedLabels.PartOf, Name);
        kubernetesObject.Metadata.Labels.TryAdd(RecommendedLabels.ManagedBy, RecommendedLabels.ManagedByValue);
        if (customResource is not null)
        {
            var schema = customResource.Schema ?? throw Invalid("[CustomResource]", customResource.Problem + "; generate the type again");
            var written = JsonSerializer.SerializeToElement(kubernetesObject, ModelJson.KubernetesOptions.GetTypeInfo(kubernetesObject.GetType()));
            if (StructuralSchemaValidator.FirstProblem(schema, written) is { } problem)
            {
                throw Invalid(problem.Field, problem.Problem);
            }
        }

        _rawObjects.Add((kubernetesObject, at));
        return kubernetesObject;
    }

    /// <summary>
    /// The whole object graph as Kubernetes objects, in definition order. Fails with a
    /// <see cref="ManifestDefinitionException"/> when the definition is incomplete or inconsistent.
    /// </summary>
    public IReadOnlyList<IKubernetesObject> Build() => BuildTraced().Select(t => t.Object).ToList();

    /// <summary>
    /// <see cref="Build"/>, with each object's way back to the C# that defined it: given a field path of the object, the
    /// call that set the field, else the call that created the object (null for code compiled without caller info).
    /// </summary>
    internal IReadOnlyList<(IKubernetesObject Object, Func<string, SourceLocation?> Locate)> BuildTraced()
    {
        var objects = new List<(IKubernetesObject, Func<string, SourceLocation?>)>();
        foreach (var definition in AllDefinitions())
        {
            definition.ValidateComplete();
        }

        var connections = new ConnectionPolicies(_namespaces.SelectMany(n => n.Definitions.OfType<Workload>()));
        foreach (var ns in _namespaces)
        {
            objects.AddRange(ns.EmitNamespaceObjects(connections).Select(o => (o, (Func<string, SourceLocation?>)(path => ns.Locate(o, path)))));
        }

        foreach (var definition in AllDefinitions())
        {
            objects.AddRange(definition.EmitCustomized().Select(o => (o, (Func<string, SourceLocation?>)(path => definition.Locate(o, path)))));
        }

        objects.AddRange(_rawObjects.Select(r => ((IKubernetesObject)r.Object, (Func<string, SourceLocation?>)(_ => r.At))));
        RequireUniqueIdentities(objects.Select(o => o.Item1).ToList());
        return objects;
    }

    /// <summary>
    /// Why an object of <paramref name="kind"/> cannot be where it is, or null: the scope of a kind generated from a CRD
    /// is its <c>[CustomResource]</c>'s, of a built-in kind the Kubernetes API's, and of any other kind unknown, so it
    /// may be either.
    /// </summary>
    private static string? ScopeProblem(string kind, bool inNamespace, CustomResourceType? customResource)
    {
        var namespaced = customResource?.Namespaced ?? (Rules.Semantics.KindScopes.IsNamespaced(kind) ? true : Rules.Semantics.KindScopes.IsClusterScoped(kind) ? false : (bool?)null);
        return (namespaced, inNamespace) switch
        {
            (false, true) => $"{kind} is cluster-scoped; add it to the app (App.Add), not to a namespace",
            (true, false) => $"{kind} is namespaced; add it to one of the app's namespaces (Namespace.Add)",
            _ => null,
        };
    }

    internal T Track<T>(T definition)
        where T : ManifestObject
    {
        _clusterObjects.Add(definition);
        return definition;
    }

    private IEnumerable<ManifestObject> AllDefinitions() => _clusterObjects.Concat(_namespaces.SelectMany(n => n.Definitions));

    private void RequireUniqueIdentities(List<IKubernetesObject> objects)
    {
        var seen = new HashSet<(string, string, string?, string)>();
        foreach (var obj in objects)
        {
            var meta = (obj as IMetadata<V1ObjectMeta>)?.Metadata;
            var identity = (obj.ApiVersion.Split('/')[0], obj.Kind, meta?.NamespaceProperty, meta?.Name ?? "");
            if (!seen.Add(identity))
            {
                var where = meta?.NamespaceProperty is null ? meta?.Name : $"{meta.NamespaceProperty}/{meta.Name}";
                throw new ManifestDefinitionException($"{obj.Kind} {where}", "metadata.name",
                    $"app '{Name}' defines {obj.Kind} '{where}' twice; names must be unique per kind and namespace");
            }
        }
    }
}
