using System.Globalization;
using System.Text.Json;
using k8s;

namespace SecureManifests.Cli.Input;

/// <summary>
/// One Kubernetes object read from a source, typed, with the positions of its fields.
/// For a <c>List</c>, each item is its own <see cref="SourceDocument"/> with <see cref="ItemIndex"/> set.
/// </summary>
internal sealed class SourceDocument : ReadResult
{
    private readonly MappingTreeNode tree;

    internal SourceDocument(string sourceName, int documentIndex, int? itemIndex, string apiVersion, string kind, string? name, string? @namespace, IKubernetesObject obj, JsonElement written, MappingTreeNode tree)
        : base(sourceName, tree.Line, tree.Column)
    {
        DocumentIndex = documentIndex;
        ItemIndex = itemIndex;
        ApiVersion = apiVersion;
        Kind = kind;
        Name = name;
        Namespace = @namespace;
        Object = obj;
        Written = written;
        this.tree = tree;
    }

    /// <summary>0-based index of the YAML document in the source (empty documents count).</summary>
    public int DocumentIndex { get; }

    /// <summary>0-based index in the <c>items</c> of a List document, or null for a plain document.</summary>
    public int? ItemIndex { get; }

    /// <summary>The apiVersion, e.g. <c>apps/v1</c>.</summary>
    public string ApiVersion { get; }

    /// <summary>The kind, e.g. <c>Deployment</c>.</summary>
    public string Kind { get; }

    /// <summary><c>metadata.name</c>, when set.</summary>
    public string? Name { get; }

    /// <summary><c>metadata.namespace</c>, when set.</summary>
    public string? Namespace { get; }

    /// <summary>
    /// The object: KubernetesClient's model type for known apiVersion/kind (V1Deployment for apps/v1
    /// Deployment), otherwise a <see cref="GenericKubernetesObject"/>.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "It is the Kubernetes object; the name matches the rule engine's vocabulary.")]
    public IKubernetesObject Object { get; }

    /// <summary>
    /// The object as written, as JSON (List items with the apiVersion/kind they imply): the field names its typed
    /// model does not know are only here, for the engine's schema check.
    /// </summary>
    public JsonElement Written { get; }

    /// <summary>How messages name the document: <c>document 2</c>, or <c>document 2 items[0]</c> for an item of a List.</summary>
    public string Label => LabelOf(DocumentIndex, ItemIndex);

    /// <summary>The object as <c>Kind namespace/name</c>, or <c>Kind name</c> when it has no namespace.</summary>
    public string DisplayName => Namespace is null ? $"{Kind} {Name ?? "(unnamed)"}" : $"{Kind} {Namespace}/{Name ?? "(unnamed)"}";

    /// <summary><see cref="Label"/> of the document at 0-based <paramref name="documentIndex"/>, and of its List item.</summary>
    internal static string LabelOf(int documentIndex, int? itemIndex)
    {
        var document = "document " + Math.Max(documentIndex + 1, 1).ToString(CultureInfo.InvariantCulture);
        return itemIndex is { } index ? document + " items[" + index.ToString(CultureInfo.InvariantCulture) + "]" : document;
    }

    /// <summary>
    /// Finds where a field is written, e.g. <c>spec.template.spec.containers[0].securityContext.privileged</c>
    /// (also <c>containers[api]</c> for the item named api, and <c>labels['app.kubernetes.io/name']</c>).
    /// Returns the position of the field's key (for a list item: the item). When the field is missing,
    /// returns its nearest existing ancestor, so a finding about an absent setting still points somewhere
    /// useful; <see cref="SourcePosition.IsExact"/> tells which case it is. Through an alias, positions are
    /// those of the anchored text.
    /// </summary>
    public SourcePosition Locate(string fieldPath)
    {
        ArgumentNullException.ThrowIfNull(fieldPath);
        var segments = FieldPath.Parse(fieldPath);
        var location = TreeLocator.Walk(tree, segments);
        var exact = location.MatchedSegments == segments.Count;
        var resolved = exact ? FieldPath.Format(segments) : FieldPath.Format(segments.Take(location.MatchedSegments));
        return new SourcePosition(SourceName, location.Line, location.Column, resolved, exact);
    }
}
