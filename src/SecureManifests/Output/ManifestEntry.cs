using System.Globalization;
using System.Text.Json;
using k8s;

namespace SecureManifests.Output;

/// <summary>One object, serialized once, with the identity that decides its file and position.</summary>
internal sealed class ManifestEntry
{
    private ManifestEntry(int index, string apiVersion, string kind, string @namespace, string name, string yaml)
    {
        Index = index;
        ApiVersion = apiVersion;
        Kind = kind;
        Namespace = @namespace;
        Name = name;
        Yaml = yaml;
        KindRank = KindOrder.RankOf(kind);
    }

    /// <summary>Position in the caller's list, for messages.</summary>
    public int Index { get; }

    public string ApiVersion { get; }

    public string Kind { get; }

    /// <summary>The namespace, or empty for cluster-scoped objects (and for Namespace objects).</summary>
    public string Namespace { get; }

    public string Name { get; }

    /// <summary>The YAML document, without header or separator.</summary>
    public string Yaml { get; }

    public int KindRank { get; }

    public bool IsNamespaceObject => Kind == "Namespace" && ApiVersion == "v1";

    /// <summary>Kind, namespace and name, the way kubectl users read them.</summary>
    public string Reference =>
        Namespace.Length == 0 ? $"{Kind} {Name} ({ApiVersion}, object #{Index})" : $"{Kind} {Namespace}/{Name} ({ApiVersion}, object #{Index})";

    /// <summary>Orders by kind rank, kind, namespace, name, apiVersion: a total order on distinct objects.</summary>
    public static readonly Comparer<ManifestEntry> Order = Comparer<ManifestEntry>.Create(static (a, b) =>
    {
        var c = a.KindRank.CompareTo(b.KindRank);
        if (c == 0) c = string.CompareOrdinal(a.Kind, b.Kind);
        if (c == 0) c = string.CompareOrdinal(a.Namespace, b.Namespace);
        if (c == 0) c = string.CompareOrdinal(a.Name, b.Name);
        if (c == 0) c = string.CompareOrdinal(a.ApiVersion, b.ApiVersion);
        return c;
    });

    public bool SameIdentity(ManifestEntry other) =>
        ApiVersion == other.ApiVersion && Kind == other.Kind && Namespace == other.Namespace && Name == other.Name;

    /// <summary>Serializes <paramref name="obj"/> and validates the fields the output tree needs.</summary>
    public static ManifestEntry Create(IKubernetesObject? obj, int index)
    {
        if (obj is null)
        {
            throw new ManifestOutputException($"object #{index} is null; remove it from the list of objects to write.");
        }

        // Built only for a message: a synth creates thousands of entries and almost never reports one.
        string What() => $"object #{index} ({ManifestYaml.Describe(obj)}, C# type {obj.GetType().Name})";
        using var json = ManifestYaml.ToDocument(obj, What);
        var root = json.RootElement;
        var apiVersion = RequiredString(root, "apiVersion", What, "set ApiVersion, e.g. \"apps/v1\"");
        var kind = RequiredString(root, "kind", What, "set Kind, e.g. \"Deployment\"");
        if (!IsKindName(kind))
        {
            throw new ManifestOutputException($"{What()}: kind '{kind}' is not a Kubernetes kind name (letters and digits only).");
        }

        if (!root.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object)
        {
            throw new ManifestOutputException($"{What()}: metadata is missing; set Metadata with at least a name.");
        }

        var name = RequiredString(metadata, "name", () => What() + ": metadata", "set Metadata.Name");
        if (!IsSafeName(name))
        {
            throw new ManifestOutputException(
                $"{What()}: metadata.name '{name}' cannot be a file name (it is '.' or '..', or contains '/', '\\', '%' or a control character).");
        }

        var ns = metadata.TryGetProperty("namespace", out var nsValue) && nsValue.ValueKind == JsonValueKind.String
            ? nsValue.GetString()!
            : string.Empty;
        if (kind == "Namespace" && apiVersion == "v1")
        {
            ns = string.Empty;
        }
        else if (ns.Length > 0 && !IsDnsLabel(ns))
        {
            throw new ManifestOutputException(
                $"{What()}: metadata.namespace '{ns}' is not a valid namespace name (lowercase letters, digits and '-', at most 63).");
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        ManifestDocumentWriter.Write(root, writer);
        return new ManifestEntry(index, apiVersion, kind, ns, name, writer.ToString());
    }

    private static string RequiredString(JsonElement json, string key, Func<string> what, string remedy) =>
        json.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new ManifestOutputException($"{what()}: {key} is missing or empty; {remedy}.");

    private static bool IsKindName(string kind)
    {
        foreach (var c in kind)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return char.IsAsciiLetter(kind[0]);
    }

    private static bool IsSafeName(string name)
    {
        if (name is "." or "..")
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c is '/' or '\\' or '%' || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDnsLabel(string ns)
    {
        if (ns.Length > 63 || ns[0] == '-' || ns[^1] == '-')
        {
            return false;
        }

        foreach (var c in ns)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }
}
