namespace SecureManifests.CustomResources;

/// <summary>One entry of a schema's <c>properties</c>: the JSON name and its schema.</summary>
internal sealed class StructuralSchemaProperty
{
    public StructuralSchemaProperty(string name, StructuralSchema schema)
    {
        Name = name;
        Schema = schema;
    }

    public string Name { get; }

    public StructuralSchema Schema { get; }
}
