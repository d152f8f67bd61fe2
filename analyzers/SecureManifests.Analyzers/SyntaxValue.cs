using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecureManifests.Analyzers;

/// <summary>What syntax alone tells about an expression's compile-time value.</summary>
internal enum SyntaxValueKind
{
    /// <summary>Syntax cannot tell: the expression may or may not have a value the binder knows.</summary>
    Unknown,

    /// <summary>The value is known from literals (and locals assigned once from literals).</summary>
    Known,

    /// <summary><see cref="ValueResolver"/> can never find a value for it (a call, a parameter, a local written twice, ...).</summary>
    NeverKnown,
}

/// <summary>
/// A syntactic preview of <see cref="ValueResolver"/>: it lets the analyzers skip binding a method body when
/// syntax already proves that the value is unknown to the resolver (so nothing can be reported) or known and safe.
/// Every answer other than <see cref="SyntaxValueKind.Unknown"/> must agree with what the resolver finds on the
/// bound tree; when in doubt the answer is Unknown, which costs a bind but never a finding.
/// </summary>
internal readonly struct SyntaxValue
{
    private const int MaxDepth = 8;

    private SyntaxValue(SyntaxValueKind kind, object? value)
    {
        Kind = kind;
        Value = value;
    }

    public static SyntaxValue Unknown => new(SyntaxValueKind.Unknown, null);

    public static SyntaxValue NeverKnown => new(SyntaxValueKind.NeverKnown, null);

    public SyntaxValueKind Kind { get; }

    /// <summary>The value when <see cref="Kind"/> is Known (a string, bool, int, long, char, double or null).</summary>
    public object? Value { get; }

    public static SyntaxValue Known(object? value) => new(SyntaxValueKind.Known, value);

    /// <summary>The scalar value of <paramref name="expression"/> as far as syntax can tell.</summary>
    public static SyntaxValue Of(ExpressionSyntax expression) => Of(expression, 0);

    /// <summary>
    /// Whether <see cref="ValueResolver.TryGetElements"/> might find the elements of this collection value:
    /// false for calls, member and element accesses, parameters, fields and locals that are written again.
    /// </summary>
    public static bool MayHaveKnownElements(ExpressionSyntax expression) => MayHaveKnownElements(expression, 0);

    /// <summary>
    /// The parts of an interpolated string: known text, or null for a hole whose value syntax cannot tell.
    /// Returns NeverKnown when the resolver can never know the whole string, Known when every part is known.
    /// </summary>
    public static SyntaxValueKind Parts(InterpolatedStringExpressionSyntax interpolated, List<string?> parts) => Parts(interpolated, 0, parts);

    private static SyntaxValue Of(ExpressionSyntax expression, int depth)
    {
        if (depth > MaxDepth)
        {
            return Unknown;
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Of(parenthesized.Expression, depth + 1);
            case LiteralExpressionSyntax literal:
                // `default` takes its value from the target type.
                return literal.IsKind(SyntaxKind.DefaultLiteralExpression) ? Unknown : Known(literal.Token.Value);
            case InvocationExpressionSyntax invocation:
                // nameof(...) is the one call that is a constant.
                return invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" } ? Unknown : NeverKnown;
            case BaseObjectCreationExpressionSyntax creation:
                // new int() is the constant 0; a creation with arguments or members set never is.
                return (creation.ArgumentList is null || creation.ArgumentList.Arguments.Count == 0) && (creation.Initializer is null || creation.Initializer.Expressions.Count == 0)
                    ? Unknown
                    : NeverKnown;
            case ArrayCreationExpressionSyntax:
            case ImplicitArrayCreationExpressionSyntax:
            case CollectionExpressionSyntax:
            case ElementAccessExpressionSyntax:
            case ConditionalAccessExpressionSyntax:
            case AwaitExpressionSyntax:
            case AnonymousFunctionExpressionSyntax:
            case AnonymousObjectCreationExpressionSyntax:
            case ThisExpressionSyntax:
            case BaseExpressionSyntax:
            case SwitchExpressionSyntax:
            case TupleExpressionSyntax:
            case QueryExpressionSyntax:
            case PostfixUnaryExpressionSyntax:
            case AssignmentExpressionSyntax:
            case IsPatternExpressionSyntax:
                return NeverKnown;
            case MemberAccessExpressionSyntax member when member.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                // A const or enum member is reached through a type; through a value it is an instance member.
                return IsValue(member.Expression, depth) ? NeverKnown : Unknown;
            case IdentifierNameSyntax identifier:
                return OfIdentifier(identifier, depth);
            case InterpolatedStringExpressionSyntax interpolated:
                var parts = new List<string?>();
                return Parts(interpolated, depth, parts) switch
                {
                    SyntaxValueKind.Known => Known(string.Concat(parts)),
                    SyntaxValueKind.NeverKnown => NeverKnown,
                    _ => Unknown,
                };
            case BinaryExpressionSyntax binary:
                return OfBinary(binary, depth);
            case PrefixUnaryExpressionSyntax prefix:
                return OfPrefix(prefix, depth);
            case CastExpressionSyntax cast:
                return Of(cast.Expression, depth + 1).Kind == SyntaxValueKind.NeverKnown ? NeverKnown : Unknown;
            case CheckedExpressionSyntax checkedExpression:
                return Of(checkedExpression.Expression, depth + 1).Kind == SyntaxValueKind.NeverKnown ? NeverKnown : Unknown;
            case ConditionalExpressionSyntax conditional:
                return Of(conditional.Condition, depth + 1).Kind == SyntaxValueKind.NeverKnown
                    || Of(conditional.WhenTrue, depth + 1).Kind == SyntaxValueKind.NeverKnown
                    || Of(conditional.WhenFalse, depth + 1).Kind == SyntaxValueKind.NeverKnown
                    ? NeverKnown
                    : Unknown;
            default:
                return Unknown;
        }
    }

    private static SyntaxValueKind Parts(InterpolatedStringExpressionSyntax interpolated, int depth, List<string?> parts)
    {
        var kind = SyntaxValueKind.Known;
        foreach (var content in interpolated.Contents)
        {
            switch (content)
            {
                case InterpolatedStringTextSyntax text:
                    parts.Add(text.TextToken.ValueText);
                    break;
                case InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole:
                    var value = Of(hole.Expression, depth + 1);
                    if (value.Kind == SyntaxValueKind.NeverKnown || (value.Kind == SyntaxValueKind.Known && value.Value is not string))
                    {
                        // The resolver takes only string holes.
                        return SyntaxValueKind.NeverKnown;
                    }

                    parts.Add(value.Value as string);
                    if (value.Kind == SyntaxValueKind.Unknown)
                    {
                        kind = SyntaxValueKind.Unknown;
                    }

                    break;
                default:
                    return SyntaxValueKind.NeverKnown;
            }
        }

        return kind;
    }

    private static SyntaxValue OfBinary(BinaryExpressionSyntax binary, int depth)
    {
        if (binary.IsKind(SyntaxKind.CoalesceExpression) || binary.IsKind(SyntaxKind.AsExpression) || binary.IsKind(SyntaxKind.IsExpression))
        {
            return NeverKnown;
        }

        var left = Of(binary.Left, depth + 1);
        var right = Of(binary.Right, depth + 1);
        if (left.Kind == SyntaxValueKind.NeverKnown || right.Kind == SyntaxValueKind.NeverKnown)
        {
            return NeverKnown;
        }

        if (left.Kind != SyntaxValueKind.Known || right.Kind != SyntaxValueKind.Known)
        {
            return Unknown;
        }

        if (binary.IsKind(SyntaxKind.AddExpression) && left.Value is string leftText && right.Value is string rightText)
        {
            return Known(leftText + rightText);
        }

        // Small integer arithmetic (10001 + 5): int with int stays int, as in C#; overflow is a compile error there.
        if (left.Value is int a && right.Value is int b)
        {
            long result;
            switch (binary.Kind())
            {
                case SyntaxKind.AddExpression: result = (long)a + b; break;
                case SyntaxKind.SubtractExpression: result = (long)a - b; break;
                case SyntaxKind.MultiplyExpression: result = (long)a * b; break;
                default: return Unknown;
            }

            return result >= int.MinValue && result <= int.MaxValue ? Known((int)result) : Unknown;
        }

        return Unknown;
    }

    private static SyntaxValue OfPrefix(PrefixUnaryExpressionSyntax prefix, int depth)
    {
        if (prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression)
            || prefix.IsKind(SyntaxKind.AddressOfExpression) || prefix.IsKind(SyntaxKind.PointerIndirectionExpression) || prefix.IsKind(SyntaxKind.IndexExpression))
        {
            return NeverKnown;
        }

        var operand = Of(prefix.Operand, depth + 1);
        if (operand.Kind != SyntaxValueKind.Known)
        {
            return operand;
        }

        return prefix.Kind() switch
        {
            SyntaxKind.UnaryMinusExpression when operand.Value is int number && number != int.MinValue => Known(-number),
            SyntaxKind.LogicalNotExpression when operand.Value is bool flag => Known(!flag),
            _ => Unknown,
        };
    }

    /// <summary>A receiver that is a value (so the member is an instance member), not possibly a type.</summary>
    private static bool IsValue(ExpressionSyntax receiver, int depth) => receiver switch
    {
        ParenthesizedExpressionSyntax parenthesized => IsValue(parenthesized.Expression, depth),
        // Not when the value's type has the name itself ("Color Color"): then Name.Member may reach the type's member.
        IdentifierNameSyntax identifier => Resolve(identifier) is { Type: { } type } && LastName(type) != identifier.Identifier.ValueText,
        LiteralExpressionSyntax or InterpolatedStringExpressionSyntax => true,
        MemberAccessExpressionSyntax or GenericNameSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax or PredefinedTypeSyntax => false,
        _ => Of(receiver, depth + 1).Kind == SyntaxValueKind.NeverKnown,
    };

    private static string LastName(TypeSyntax type) => type switch
    {
        NullableTypeSyntax nullable => LastName(nullable.ElementType),
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => type.ToString(),
    };

    private static SyntaxValue OfIdentifier(IdentifierNameSyntax identifier, int depth)
    {
        var declaration = Resolve(identifier);
        switch (declaration)
        {
            case Declaration.Parameter:
            case Declaration.NonConstField:
                return NeverKnown;
            case Declaration.Local local:
                return local.Initializer is null || local.IsWritten ? NeverKnown : Of(local.Initializer, depth + 1);
            case Declaration.ConstField constField:
                return Of(constField.Initializer, depth + 1) is { Kind: SyntaxValueKind.Known } known ? known : Unknown;
            default:
                return Unknown;
        }
    }

    private static bool MayHaveKnownElements(ExpressionSyntax expression, int depth)
    {
        if (depth > MaxDepth)
        {
            return true;
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return MayHaveKnownElements(parenthesized.Expression, depth + 1);
            case IdentifierNameSyntax identifier:
                // The resolver follows locals assigned once; a field or parameter is never followed.
                return Resolve(identifier) switch
                {
                    Declaration.Local local => local.Initializer is not null && !local.IsWritten && MayHaveKnownElements(local.Initializer, depth + 1),
                    Declaration.Parameter or Declaration.NonConstField or Declaration.ConstField => false,
                    _ => true,
                };
            case InvocationExpressionSyntax:
            case MemberAccessExpressionSyntax:
            case ElementAccessExpressionSyntax:
            case ConditionalAccessExpressionSyntax:
            case ConditionalExpressionSyntax:
            case CastExpressionSyntax:
            case AwaitExpressionSyntax:
            case BinaryExpressionSyntax:
            case LiteralExpressionSyntax:
                return false;
            default:
                return true;
        }
    }

    /// <summary>
    /// What a simple name refers to, from syntax: a parameter or local of the enclosing member when it is the only
    /// declaration of that name there and the name is in its scope; else a field of the innermost enclosing type
    /// when no declaration in the member has that name. Anything less certain is null.
    /// </summary>
    private static Declaration? Resolve(IdentifierNameSyntax identifier)
    {
        var name = identifier.Identifier.ValueText;
        var member = identifier.FirstAncestorOrSelf<MemberDeclarationSyntax>();
        if (member is null || member is GlobalStatementSyntax || member is BaseTypeDeclarationSyntax || member is BaseNamespaceDeclarationSyntax)
        {
            return null;
        }

        SyntaxNode? only = null;
        foreach (var node in member.DescendantNodesAndSelf())
        {
            SyntaxToken declared;
            switch (node)
            {
                case ParameterSyntax parameter: declared = parameter.Identifier; break;
                case VariableDeclaratorSyntax declarator: declared = declarator.Identifier; break;
                case SingleVariableDesignationSyntax designation: declared = designation.Identifier; break;
                case ForEachStatementSyntax forEach: declared = forEach.Identifier; break;
                case CatchDeclarationSyntax catchDeclaration: declared = catchDeclaration.Identifier; break;
                case LocalFunctionStatementSyntax function: declared = function.Identifier; break;
                case TypeParameterSyntax typeParameter: declared = typeParameter.Identifier; break;
                case FromClauseSyntax from: declared = from.Identifier; break;
                case LetClauseSyntax let: declared = let.Identifier; break;
                case JoinClauseSyntax join: declared = join.Identifier; break;
                case JoinIntoClauseSyntax into: declared = into.Identifier; break;
                case QueryContinuationSyntax continuation: declared = continuation.Identifier; break;
                default: continue;
            }

            if (declared.ValueText != name)
            {
                continue;
            }

            if (only is not null)
            {
                return null;
            }

            only = node;
        }

        switch (only)
        {
            case null:
                // The property setter's implicit `value` and primary-constructor parameters are declared nowhere in the member.
                return name == "value" ? null : ResolveField(identifier, name);
            case ParameterSyntax parameter when (parameter.Parent is BaseParameterListSyntax list ? list.Parent : parameter.Parent) is { } function && function.Contains(identifier):
                return new Declaration.Parameter(parameter.Type);
            case VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax statement } declaration } declarator
                when statement.UsingKeyword.IsKind(SyntaxKind.None) && declaration.Type is not RefTypeSyntax && statement.Parent is BlockSyntax block && block.Contains(identifier):
                var initializer = declarator.Initializer?.Value;
                var isConst = statement.IsConst;
                return new Declaration.Local(declaration.Type, initializer, !isConst && (initializer is null || ValueResolver.IsWrittenAfterDeclaration(declarator, name)));
            default:
                return null;
        }
    }

    private static Declaration? ResolveField(IdentifierNameSyntax identifier, string name)
    {
        // Members of the innermost type hide those of outer types, base types and usings.
        var type = identifier.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (type is null)
        {
            return null;
        }

        Declaration? found = null;
        foreach (var member in type.Members)
        {
            switch (member)
            {
                case FieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        if (variable.Identifier.ValueText == name)
                        {
                            if (found is not null)
                            {
                                return null;
                            }

                            found = field.Modifiers.Any(SyntaxKind.ConstKeyword) && variable.Initializer is not null
                                ? new Declaration.ConstField(field.Declaration.Type, variable.Initializer.Value)
                                : new Declaration.NonConstField(field.Declaration.Type);
                        }
                    }

                    break;
                case PropertyDeclarationSyntax property when property.Identifier.ValueText == name:
                    if (found is not null)
                    {
                        return null;
                    }

                    found = new Declaration.NonConstField(property.Type);
                    break;
            }
        }

        return found;
    }

    /// <summary>What a simple name was found to declare, with its declared type (null when implicit).</summary>
    private abstract class Declaration
    {
        protected Declaration(TypeSyntax? type) => Type = type;

        public TypeSyntax? Type { get; }

        public sealed class Parameter : Declaration
        {
            public Parameter(TypeSyntax? type)
                : base(type)
            {
            }
        }

        /// <summary>A field that is not const, or a property: the resolver never reads either.</summary>
        public sealed class NonConstField : Declaration
        {
            public NonConstField(TypeSyntax type)
                : base(type)
            {
            }
        }

        public sealed class ConstField : Declaration
        {
            public ConstField(TypeSyntax type, ExpressionSyntax initializer)
                : base(type) => Initializer = initializer;

            public ExpressionSyntax Initializer { get; }
        }

        public sealed class Local : Declaration
        {
            public Local(TypeSyntax type, ExpressionSyntax? initializer, bool isWritten)
                : base(type)
            {
                Initializer = initializer;
                IsWritten = isWritten;
            }

            public ExpressionSyntax? Initializer { get; }

            public bool IsWritten { get; }
        }
    }
}
