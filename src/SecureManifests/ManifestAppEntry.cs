namespace SecureManifests;

/// <summary>
/// One <see cref="ManifestAppAttribute"/> app as the source generator recorded it: how to create it, and where its
/// class is declared so build findings point at the C# that defines the app.
/// </summary>
public sealed class ManifestAppEntry
{
    /// <summary>Creates an entry; called by generated code.</summary>
    public ManifestAppEntry(Func<App> create, string typeName, string filePath, int line, int column)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(filePath);
        Create = create;
        TypeName = typeName;
        FilePath = filePath;
        Line = line;
        Column = column;
    }

    /// <summary>Runs the app's constructor, which defines it.</summary>
    public Func<App> Create { get; }

    /// <summary>The full type name, e.g. <c>Shop.ShopApp</c>.</summary>
    public string TypeName { get; }

    /// <summary>The C# file of the class declaration, as the compiler saw it.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line of the class name.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the class name.</summary>
    public int Column { get; }
}
