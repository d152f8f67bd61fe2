using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecureManifests.Analyzers.Parse;

/// <summary>The type a creation names in its syntax, so the screens can judge it before anything is bound.</summary>
internal static class CreatedType
{
    /// <summary>
    /// <c>T</c> of <c>new T(...)</c>; for a target-typed <c>new(...)</c>, the declared type of the field, local or
    /// property it initializes (<c>T? x = new()</c> creates a <c>T</c>). Null where only binding tells the type: an
    /// argument, a return value, an assignment, <c>var</c>.
    /// </summary>
    public static TypeSyntax? Of(BaseObjectCreationExpressionSyntax creation)
    {
        if (creation is ObjectCreationExpressionSyntax explicitType)
        {
            return explicitType.Type;
        }

        var declared = creation.Parent is EqualsValueClauseSyntax clause
            ? clause.Parent switch
            {
                VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } => declaration.Type,
                PropertyDeclarationSyntax property => property.Type,
                _ => null,
            }
            : null;
        if (declared is NullableTypeSyntax nullable)
        {
            declared = nullable.ElementType;
        }

        return declared is null || declared.IsVar ? null : declared;
    }
}
