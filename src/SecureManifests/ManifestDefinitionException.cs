namespace SecureManifests;

/// <summary>
/// Thrown when an app definition is invalid. The message always names the object
/// (<c>Kind namespace/name</c>) and the field, so the user can find the line to change. The message is one line:
/// control characters from the values it quotes are escaped.
/// </summary>
public sealed class ManifestDefinitionException : Exception
{
    public ManifestDefinitionException(string objectReference, string field, string problem)
        : base(Validation.DefinitionProblems.Line(objectReference, field, problem))
    {
        ObjectReference = objectReference;
        Field = field;
        Problem = problem;
    }

    /// <summary>The object, as <c>Kind namespace/name</c> (or <c>Kind name</c> when cluster-scoped).</summary>
    public string ObjectReference { get; }

    /// <summary>The field, as a path such as <c>spec.template.spec.containers[api].image</c>.</summary>
    public string Field { get; }

    /// <summary>What is wrong with the value, and what would be accepted.</summary>
    public string Problem { get; }

    /// <summary>The C# call the error is about, when the SDK knows it (an <c>Add</c>); the build reports it there.</summary>
    internal Model.SourceLocation? At { get; init; }
}
