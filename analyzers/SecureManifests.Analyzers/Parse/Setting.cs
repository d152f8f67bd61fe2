namespace SecureManifests.Analyzers.Parse;

/// <summary>
/// One value written into a property of a KubernetesClient model, as the parse step found it: from the bound
/// operation tree (<see cref="OperationSetting"/>) or, to dismiss safe code before binding, from syntax alone
/// (<see cref="SyntaxSetting"/>). The judges read settings and nothing else, so both agree by construction.
/// </summary>
internal abstract class Setting
{
    protected Setting(ModelKind kind, string property)
    {
        Kind = kind;
        Property = property;
    }

    public ModelKind Kind { get; }

    /// <summary>The C# property name, such as <c>Privileged</c>.</summary>
    public string Property { get; }

    /// <summary>The value as a string, bool, long or null.</summary>
    public abstract Known Scalar();

    /// <summary>
    /// The known end of a string built from parts (an interpolated string, a concatenation): the text after its last
    /// part whose value is not known, such as <c>/operator:latest</c> of <c>$"{registry}/operator:latest"</c>.
    /// </summary>
    public abstract Known StringTail();

    /// <summary>The value as a list of strings.</summary>
    public abstract Known Elements();

    /// <summary>The value as a dictionary of strings.</summary>
    public abstract Known Entries();

    /// <summary>The value as a nested object: set, or null.</summary>
    public abstract Known Object();

    /// <summary>
    /// Another member of the same object, when this one is written in an object initializer (or constructor call)
    /// that also writes it; null when it is not written there. A value written by a statement has no siblings.
    /// </summary>
    public abstract Setting? Sibling(string property);

    /// <summary>Whether the object has an initializer or constructor call in which absent members are known to be unset.</summary>
    public abstract bool HasKnownMembers { get; }

    /// <summary>The Kubernetes kind (<c>ClusterRole</c>) of the object whose <c>Metadata</c> this setting is in.</summary>
    public abstract Known OwnerKind();
}
