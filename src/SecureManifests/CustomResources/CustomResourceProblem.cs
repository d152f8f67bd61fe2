namespace SecureManifests.CustomResources;

/// <summary>
/// Something wrong with a CRD file, at a 1-based line and column of that file; <see cref="Id"/> is the generator's
/// diagnostic for it (one of <see cref="CustomResourceProblemIds"/>).
/// </summary>
internal sealed class CustomResourceProblem
{
    public CustomResourceProblem(string id, int line, int column, string message)
    {
        Id = id;
        Line = line;
        Column = column;
        Message = message;
    }

    public string Id { get; }

    public int Line { get; }

    public int Column { get; }

    public string Message { get; }

    public override string ToString() => Id + " (" + Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + "," +
        Column.ToString(System.Globalization.CultureInfo.InvariantCulture) + "): " + Message;
}

/// <summary>The diagnostic IDs of CRD problems (SM0110-SM0119); docs/rules/ has a page for each.</summary>
internal static class CustomResourceProblemIds
{
    /// <summary>The file is not valid YAML.</summary>
    public const string MalformedYaml = "SM0110";

    /// <summary>A CustomResourceDefinition of another API version than apiextensions.k8s.io/v1.</summary>
    public const string UnsupportedApiVersion = "SM0111";

    /// <summary>A required part of the CRD is missing: group, names.kind, names.plural, versions, a version's name or schema.</summary>
    public const string MissingField = "SM0112";

    /// <summary>A schema construct the generator cannot map (such as $ref, an unknown type, a list of item schemas).</summary>
    public const string UnsupportedConstruct = "SM0113";

    /// <summary>The Namespace metadata given for a CRD file is not a C# namespace.</summary>
    public const string InvalidNamespace = "SM0114";

    /// <summary>Two CRDs given to one project define the same kind in the same C# namespace.</summary>
    public const string DuplicateKind = "SM0115";
}
