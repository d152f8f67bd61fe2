using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SecureManifests.Analyzers;

/// <summary>
/// Finds the value of an expression when the compiler knows it: literals, const fields and locals,
/// interpolated strings whose parts are known, implicit (nullable) conversions, and a local that is
/// assigned exactly once at its declaration. Anything else is unknown, and unknown means no diagnostic.
/// </summary>
internal static class ValueResolver
{
    private const int MaxDepth = 8;

    /// <summary>The constant value of <paramref name="operation"/>, if known.</summary>
    public static bool TryGetConstant(IOperation? operation, out object? value) => TryGetConstant(operation, 0, out value);

    public static bool TryGetString(IOperation? operation, out string? value)
    {
        value = null;
        if (TryGetConstant(operation, out var raw) && raw is string text)
        {
            value = text;
            return true;
        }

        return false;
    }

    public static bool TryGetBool(IOperation? operation, out bool value)
    {
        value = false;
        if (TryGetConstant(operation, out var raw) && raw is bool flag)
        {
            value = flag;
            return true;
        }

        return false;
    }

    public static bool TryGetInteger(IOperation? operation, out long value)
    {
        value = 0;
        if (!TryGetConstant(operation, out var raw) || raw is null || raw is bool || raw is string)
        {
            return false;
        }

        switch (raw)
        {
            case int i: value = i; return true;
            case long l: value = l; return true;
            case short s: value = s; return true;
            case byte b: value = b; return true;
            case uint u: value = u; return true;
            default: return false;
        }
    }

    /// <summary>
    /// The elements of a collection value (<c>new List&lt;string&gt; { ... }</c>, <c>new[] { ... }</c>,
    /// <c>[ ... ]</c>, or a collection initializer <c>{ ... }</c>), each with its operation; an element whose
    /// value is unknown is null. Returns false when the collection itself is not recognisable.
    /// </summary>
    public static bool TryGetElements(IOperation? operation, out List<KeyValuePair<IOperation, object?>> elements)
    {
        elements = new List<KeyValuePair<IOperation, object?>>();
        return TryGetElements(Unwrap(operation), 0, elements);
    }

    /// <summary>Known string elements only; false when the collection or any element is unknown.</summary>
    public static bool TryGetAllStrings(IOperation? operation, out List<string> values)
    {
        values = new List<string>();
        if (!TryGetElements(operation, out var elements))
        {
            return false;
        }

        foreach (var element in elements)
        {
            if (element.Value is not string text)
            {
                return false;
            }

            values.Add(text);
        }

        return true;
    }

    public static IOperation? Unwrap(IOperation? operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion when conversion.IsImplicit || conversion.Conversion.IsNullable || conversion.Conversion.IsIdentity:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }

    private static bool TryGetConstant(IOperation? operation, int depth, out object? value)
    {
        value = null;
        if (operation is null || depth > MaxDepth)
        {
            return false;
        }

        if (operation.ConstantValue.HasValue)
        {
            value = operation.ConstantValue.Value;
            return true;
        }

        operation = Unwrap(operation);
        if (operation is null)
        {
            return false;
        }

        if (operation.ConstantValue.HasValue)
        {
            value = operation.ConstantValue.Value;
            return true;
        }

        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
                return TryGetInterpolated(interpolated, depth, out value);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                if (TryGetConstant(binary.LeftOperand, depth + 1, out var left) && TryGetConstant(binary.RightOperand, depth + 1, out var right))
                {
                    value = Convert(left) + Convert(right);
                    return true;
                }

                return false;
            case ILocalReferenceOperation local:
                var initializer = SingleAssignmentInitializer(local);
                return initializer is not null && TryGetConstant(initializer, depth + 1, out value);
            default:
                return false;
        }
    }

    private static bool TryGetInterpolated(IInterpolatedStringOperation interpolated, int depth, out object? value)
    {
        value = null;
        var text = new StringBuilder();
        foreach (var part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation literal:
                    if (!TryGetConstant(literal.Text, depth + 1, out var piece))
                    {
                        return false;
                    }

                    text.Append(Convert(piece));
                    break;
                case IInterpolationOperation hole when hole.Alignment is null && hole.FormatString is null:
                    if (!TryGetConstant(hole.Expression, depth + 1, out var inner) || inner is not string)
                    {
                        return false;
                    }

                    text.Append((string)inner);
                    break;
                default:
                    return false;
            }
        }

        value = text.ToString();
        return true;
    }

    private static string Convert(object? value) => value as string ?? (value is null ? string.Empty : System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);

    private static bool TryGetElements(IOperation? operation, int depth, List<KeyValuePair<IOperation, object?>> elements)
    {
        if (operation is null || depth > MaxDepth)
        {
            return false;
        }

        switch (operation)
        {
            case IObjectCreationOperation creation:
                return creation.Initializer is not null && TryGetElements(creation.Initializer, depth + 1, elements);
            case IObjectOrCollectionInitializerOperation initializer:
                foreach (var item in initializer.Initializers)
                {
                    if (item is IInvocationOperation { Arguments.Length: 1 } add)
                    {
                        AddElement(add.Arguments[0].Value, depth, elements);
                    }
                    else
                    {
                        return false;
                    }
                }

                return true;
            case IArrayCreationOperation array:
                if (array.Initializer is null)
                {
                    return false;
                }

                foreach (var item in array.Initializer.ElementValues)
                {
                    AddElement(item, depth, elements);
                }

                return true;
            case ICollectionExpressionOperation collection:
                foreach (var item in collection.Elements)
                {
                    if (item is ISpreadOperation)
                    {
                        return false;
                    }

                    AddElement(item, depth, elements);
                }

                return true;
            case ILocalReferenceOperation local:
                return TryGetElements(Unwrap(SingleAssignmentInitializer(local)), depth + 1, elements);
            default:
                return false;
        }
    }

    private static void AddElement(IOperation item, int depth, List<KeyValuePair<IOperation, object?>> elements)
    {
        TryGetConstant(item, depth + 1, out var value);
        elements.Add(new KeyValuePair<IOperation, object?>(item, value));
    }

    /// <summary>
    /// The initializer of a local that is never written after its declaration (no assignment, increment,
    /// ref/out use or deconstruction), or null. Syntactic scan of the declaring member only.
    /// </summary>
    private static IOperation? SingleAssignmentInitializer(ILocalReferenceOperation reference)
    {
        var local = reference.Local;
        if (local.IsRef || reference.SemanticModel is null || local.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        if (local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer: { } initializer } declarator
            || declarator.SyntaxTree != reference.SemanticModel.SyntaxTree)
        {
            return null;
        }

        if (IsWrittenAfterDeclaration(declarator, local.Name))
        {
            return null;
        }

        return reference.SemanticModel.GetOperation(initializer.Value);
    }

    /// <summary>Whether the local declared by <paramref name="declarator"/> is written anywhere in its member (or local function).</summary>
    internal static bool IsWrittenAfterDeclaration(VariableDeclaratorSyntax declarator, string name)
    {
        var body = declarator.FirstAncestorOrSelf<SyntaxNode>(n => n is MemberDeclarationSyntax || n is LocalFunctionStatementSyntax || n is CompilationUnitSyntax);
        return body is null || IsWrittenIn(body, name);
    }

    private static bool IsWrittenIn(SyntaxNode body, string name)
    {
        foreach (var node in body.DescendantNodes())
        {
            switch (node)
            {
                case AssignmentExpressionSyntax assignment when Mentions(assignment.Left, name):
                    return true;
                case PrefixUnaryExpressionSyntax prefix when (prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression)) && Mentions(prefix.Operand, name):
                    return true;
                case PostfixUnaryExpressionSyntax postfix when (postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression)) && Mentions(postfix.Operand, name):
                    return true;
                case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None) && Mentions(argument.Expression, name):
                    return true;
            }
        }

        return false;
    }

    private static bool Mentions(ExpressionSyntax expression, string name) =>
        expression is IdentifierNameSyntax identifier
            ? identifier.Identifier.ValueText == name
            : expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.ValueText == name) && !(expression is MemberAccessExpressionSyntax);
}
