namespace SecureManifests.Rules;

/// <summary>
/// Thrown by the <see cref="RuleEngine"/> when an object of a <see cref="PodTemplateKind"/> holds, at the kind's path,
/// something that is not a pod template (a string where a list belongs, say). It is a problem of the input, named like
/// the SDK's definition errors: the object (<c>Kind namespace/name</c>), the field and what is wrong, on one line.
/// </summary>
public sealed class PodTemplateException : Exception
{
    public PodTemplateException(string objectReference, string field, string problem)
        : base(Validation.DefinitionProblems.Line(objectReference, field, problem))
    {
        ObjectReference = objectReference;
        Field = field;
        Problem = problem;
    }

    /// <summary>The object, as <c>Kind namespace/name</c> (or <c>Kind name</c> without a namespace).</summary>
    public string ObjectReference { get; }

    /// <summary>The field, such as <c>spec.template.spec.containers[0].ports[0].containerPort</c>.</summary>
    public string Field { get; }

    /// <summary>What is wrong with it, such as <c>expected an integer</c>.</summary>
    public string Problem { get; }
}
