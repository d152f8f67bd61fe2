using System.Collections.Generic;

namespace SecureManifests.CustomResources;

/// <summary>What the generator, the SDK and lint need of one <c>apiextensions.k8s.io/v1</c> CustomResourceDefinition.</summary>
internal sealed class CustomResourceDefinitionModel
{
    public CustomResourceDefinitionModel(
        string group, string kind, string plural, string listKind, bool namespaced, IReadOnlyList<CustomResourceVersion> versions, int line)
    {
        Group = group;
        Kind = kind;
        Plural = plural;
        ListKind = listKind;
        Namespaced = namespaced;
        Versions = versions;
        Line = line;
    }

    public string Group { get; }

    public string Kind { get; }

    public string Plural { get; }

    /// <summary><c>names.listKind</c>, or the kind followed by List when the CRD leaves it out (as the API server does).</summary>
    public string ListKind { get; }

    /// <summary><c>scope: Namespaced</c>.</summary>
    public bool Namespaced { get; }

    /// <summary>The versions in the order the file lists them.</summary>
    public IReadOnlyList<CustomResourceVersion> Versions { get; }

    /// <summary>1-based line of the document's root in its file.</summary>
    public int Line { get; }

    /// <summary>The version with <c>storage: true</c> (the reader ensures there is one).</summary>
    public CustomResourceVersion StorageVersion
    {
        get
        {
            foreach (var version in Versions)
            {
                if (version.Storage)
                {
                    return version;
                }
            }

            return Versions[0];
        }
    }
}

/// <summary>One entry of a CRD's <c>spec.versions</c>.</summary>
internal sealed class CustomResourceVersion
{
    public CustomResourceVersion(string name, bool served, bool storage, StructuralSchema schema, int line)
    {
        Name = name;
        Served = served;
        Storage = storage;
        Schema = schema;
        Line = line;
    }

    /// <summary>The version name, such as <c>v1</c> or <c>v1beta1</c>.</summary>
    public string Name { get; }

    public bool Served { get; }

    public bool Storage { get; }

    /// <summary>The version's <c>schema.openAPIV3Schema</c>.</summary>
    public StructuralSchema Schema { get; }

    /// <summary>1-based line of the version's entry in its file.</summary>
    public int Line { get; }
}
