using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureManifests.Rules.Semantics;

namespace SecureManifests.Analyzers.Parse;

/// <summary>Whether a syntax-only parse met a value that binding might still find (so the screen cannot decide).</summary>
internal sealed class ScreenState
{
    public bool MetMaybeKnown { get; set; }
}

/// <summary>
/// A setting read from syntax alone, to dismiss safe code before the semantic model binds it. It knows what
/// <see cref="SyntaxValue"/> knows; where binding might know more, it records that in <see cref="ScreenState"/>
/// and answers "unknown", so the screen falls back to the bound <see cref="OperationSetting"/>.
/// </summary>
internal sealed class SyntaxSetting : Setting
{
    private readonly ExpressionSyntax? _value;
    private readonly BaseObjectCreationExpressionSyntax? _owner;
    private readonly ScreenState _state;

    public SyntaxSetting(ModelKind kind, string property, ExpressionSyntax? value, BaseObjectCreationExpressionSyntax? owner, ScreenState state)
        : base(kind, property)
    {
        _value = value;
        _owner = owner;
        _state = state;
    }

    public override bool HasKnownMembers
    {
        get
        {
            if (_owner is null || (_owner.Initializer is null && _owner.ArgumentList is not { Arguments.Count: > 0 }))
            {
                return false;
            }

            // Constructor arguments set members too; which ones, only binding tells.
            if (_owner.ArgumentList is { Arguments.Count: > 0 })
            {
                return MaybeKnown(false);
            }

            return true;
        }
    }

    public override Known Scalar()
    {
        if (_value is null)
        {
            return MaybeKnown(Known.Unknown);
        }

        var value = SyntaxValue.Of(_value);
        return value.Kind switch
        {
            SyntaxValueKind.Known => Known.Of(value.Value switch
            {
                int i => (long)i,
                long l => l,
                var other => other,
            }),
            SyntaxValueKind.NeverKnown => Known.Unknown,
            _ => MaybeKnown(Known.Unknown),
        };
    }

    public override Known StringTail()
    {
        if (_value is null)
        {
            return MaybeKnown(Known.Unknown);
        }

        var parts = new List<SyntaxValue>();
        if (!StringParts(_value, parts))
        {
            return Known.Unknown;
        }

        var tail = new System.Text.StringBuilder();
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            if (parts[i].Kind == SyntaxValueKind.Known && parts[i].Value is string text)
            {
                tail.Insert(0, text);
                continue;
            }

            // Binding may know this part, and with it more of the tail.
            return parts[i].Kind == SyntaxValueKind.Unknown ? MaybeKnown(Known.Of(tail.ToString())) : Known.Of(tail.ToString());
        }

        return Known.Of(tail.ToString());
    }

    /// <summary>The parts of an interpolated string or a string concatenation, as syntax knows them (the same parts as the bound tree's).</summary>
    private static bool StringParts(ExpressionSyntax value, List<SyntaxValue> parts)
    {
        switch (value)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return StringParts(parenthesized.Expression, parts);
            case InterpolatedStringExpressionSyntax interpolated:
                foreach (var content in interpolated.Contents)
                {
                    parts.Add(content switch
                    {
                        InterpolatedStringTextSyntax text => SyntaxValue.Known(text.TextToken.ValueText),
                        InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole => SyntaxValue.Of(hole.Expression),
                        _ => SyntaxValue.NeverKnown,
                    });
                }

                return true;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                foreach (var operand in new[] { binary.Left, binary.Right })
                {
                    if (!StringParts(operand, parts))
                    {
                        parts.Add(SyntaxValue.Of(operand));
                    }
                }

                return true;
            default:
                return false;
        }
    }

    public override Known Elements()
    {
        if (_value is not null && TryGetStringLiterals(_value, out var literals))
        {
            return Known.Of(literals);
        }

        return _value is not null && !SyntaxValue.MayHaveKnownElements(_value) ? Known.Unknown : MaybeKnown(Known.Unknown);
    }

    public override Known Entries() => MaybeKnown(Known.Unknown);

    public override Known Object() => _value switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NullLiteralExpression) => Known.Of(null),
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.DefaultLiteralExpression) => MaybeKnown(Known.Unknown),
        null => MaybeKnown(Known.Unknown),
        _ => Known.Of(Known.SetObject),
    };

    public override Setting? Sibling(string property)
    {
        if (!HasKnownMembers || _owner?.Initializer is not { } initializer)
        {
            return null;
        }

        foreach (var expression in initializer.Expressions)
        {
            if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } member && name.Identifier.ValueText == property)
            {
                return new SyntaxSetting(Kind, property, member.Right, _owner, _state);
            }
        }

        return null;
    }

    public override Known OwnerKind()
    {
        // new V1ClusterRole { Metadata = new V1ObjectMeta { ... } }: the kind from the type's name, when it names one.
        if (_owner?.Parent is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "Metadata" } } metadata
            && metadata.Parent is InitializerExpressionSyntax { Parent: ObjectCreationExpressionSyntax holder }
            && ModelTypes.KindOfTypeName(ModelTypes.SimpleName(holder.Type)) is { } kind)
        {
            return Known.Of(kind);
        }

        return MaybeKnown(Known.Unknown);
    }

    private T MaybeKnown<T>(T answer)
    {
        _state.MetMaybeKnown = true;
        return answer;
    }

    /// <summary>
    /// The elements of <c>new List&lt;string&gt; { ... }</c>, <c>new[] { ... }</c>, <c>new string[] { ... }</c>,
    /// <c>[ ... ]</c> or <c>{ ... }</c> when every element is a string literal.
    /// </summary>
    private static bool TryGetStringLiterals(ExpressionSyntax expression, out List<string?> values)
    {
        values = new List<string?>();
        IEnumerable<ExpressionSyntax?>? elements = expression switch
        {
            InitializerExpressionSyntax direct => direct.Expressions,
            BaseObjectCreationExpressionSyntax { Initializer: { } initializer, ArgumentList: null or { Arguments.Count: 0 } } => initializer.Expressions,
            ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
            ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions,
            CollectionExpressionSyntax collection => collection.Elements.Select(e => (e as ExpressionElementSyntax)?.Expression),
            _ => null,
        };
        if (elements is null)
        {
            return false;
        }

        foreach (var element in elements)
        {
            if (element is not LiteralExpressionSyntax { Token.Value: string text })
            {
                return false;
            }

            values.Add(text);
        }

        return true;
    }
}
