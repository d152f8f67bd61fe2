using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecureManifests.Analyzers.Report;

/// <summary>
/// What a message calls a finding's owner: the container, volume or object it belongs to, by the nearest known
/// <c>Name</c> (or <c>Metadata.Name</c>) of an enclosing initializer; never a C# type.
/// </summary>
internal static class Subjects
{
    /// <summary>The subject when no enclosing object has a known name.</summary>
    public const string Unnamed = "(unnamed)";

    public static string Of(IOperation node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current is IObjectCreationOperation creation && NameOf(creation) is { } name)
            {
                return name;
            }

            if (current is IBlockOperation || current is IMethodBodyBaseOperation)
            {
                break;
            }
        }

        return node is IObjectCreationOperation self && NameOf(self) is { } own ? own : Unnamed;
    }

    /// <summary>The object's own <c>Name</c>, or its <c>Metadata</c>'s, when known.</summary>
    private static string? NameOf(IObjectCreationOperation creation)
    {
        if (Member(creation, "Name") is { } name && ValueResolver.TryGetString(name, out var text) && !string.IsNullOrEmpty(text))
        {
            return text;
        }

        return Member(creation, "Metadata") is { } metadata && ValueResolver.Unwrap(metadata) is IObjectCreationOperation meta
            && Member(meta, "Name") is { } metaName && ValueResolver.TryGetString(metaName, out var metaText) && !string.IsNullOrEmpty(metaText)
            ? metaText
            : null;
    }

    private static IOperation? Member(IObjectCreationOperation creation, string property)
    {
        var parameter = char.ToLowerInvariant(property[0]) + property.Substring(1);
        foreach (var argument in creation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter?.Name == parameter)
            {
                return argument.Value;
            }
        }

        if (creation.Initializer is null)
        {
            return null;
        }

        foreach (var item in creation.Initializer.Initializers)
        {
            switch (item)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment when target.Property.Name == property:
                    return assignment.Value;
                case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation target } member when target.Property.Name == property:
                    return member.Initializer;
            }
        }

        return null;
    }
}
