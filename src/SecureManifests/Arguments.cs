using System.Runtime.CompilerServices;

namespace SecureManifests;

/// <summary>
/// Null checks for the SDK's public methods. A null usually comes from a value computed at run time (an unset
/// environment variable), so the error names the object and the call's argument, e.g.
/// <c>Deployment shop/api: WithEnv(value): must not be null</c>, and is a <see cref="ManifestDefinitionException"/>
/// like every other definition error: the build reports it at the caller's line.
/// </summary>
internal static class Arguments
{
    /// <summary>The problem text of a null argument.</summary>
    public const string NullProblem = "must not be null";

    /// <summary>Throws when <paramref name="value"/> is null.</summary>
    /// <param name="value">The argument.</param>
    /// <param name="objectReference">The object the call is on (or the type of a static factory).</param>
    /// <param name="argument">The argument's name, filled in by the compiler.</param>
    /// <param name="member">The method's name, filled in by the compiler (constructors pass theirs).</param>
    public static void NotNull<T>(
        [System.Diagnostics.CodeAnalysis.NotNull] T? value,
        string objectReference,
        [CallerArgumentExpression(nameof(value))] string argument = "",
        [CallerMemberName] string member = "")
    {
        if (value is null)
        {
            throw new ManifestDefinitionException(objectReference, $"{member}({argument})", NullProblem);
        }
    }

    /// <summary>Throws when <paramref name="values"/> or one of its elements is null.</summary>
    public static void NoNulls<T>(
        [System.Diagnostics.CodeAnalysis.NotNull] T?[]? values,
        string objectReference,
        [CallerArgumentExpression(nameof(values))] string argument = "",
        [CallerMemberName] string member = "")
    {
        NotNull(values, objectReference, argument, member);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is null)
            {
                throw new ManifestDefinitionException(objectReference, $"{member}({argument}[{i}])", NullProblem);
            }
        }
    }

    /// <summary>
    /// Throws when an element of a command or argument list cannot reach the container's process (see
    /// <see cref="Validation.DefinitionProblems.OfProcessString"/>), naming it as <c>field[i]</c>.
    /// </summary>
    public static void ProcessStrings(string[] values, string objectReference, string field)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (Validation.DefinitionProblems.OfProcessString(values[i]) is { } problem)
            {
                throw new ManifestDefinitionException(objectReference, $"{field}[{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}]", problem);
            }
        }
    }
}
