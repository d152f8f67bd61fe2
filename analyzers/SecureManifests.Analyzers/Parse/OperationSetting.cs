using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecureManifests.Analyzers.Parse;

/// <summary>A setting read from the bound operation tree: what <see cref="ValueResolver"/> knows is known.</summary>
internal sealed class OperationSetting : Setting
{
    private readonly IOperation _value;
    private readonly IObjectCreationOperation? _owner;

    private OperationSetting(ModelKind kind, string property, IOperation value, IOperation node, IObjectCreationOperation? owner)
        : base(kind, property)
    {
        _value = value;
        Node = node;
        _owner = owner;
    }

    /// <summary>The assignment, member initializer or argument that writes the value: where a finding is reported.</summary>
    public IOperation Node { get; }

    /// <summary>Members are known to be unset only where the code writes an initializer or constructor arguments.</summary>
    public override bool HasKnownMembers => _owner is not null && (_owner.Initializer is not null || HasExplicitArguments(_owner));

    /// <summary>A write of <paramref name="value"/> into <paramref name="property"/> by an assignment or member initializer.</summary>
    public static OperationSetting ForMember(ModelKind kind, string property, IOperation value, IOperation node) =>
        new(kind, property, value, node, (node.Parent as IObjectOrCollectionInitializerOperation)?.Parent as IObjectCreationOperation);

    /// <summary>A new model object as a whole, for the judgments of what it leaves unset.</summary>
    public static OperationSetting ForCreation(ModelKind kind, IObjectCreationOperation creation) =>
        new(kind, string.Empty, creation, creation, creation);

    /// <summary>A constructor argument of a model type: <c>new V1SecurityContext(privileged: true)</c>.</summary>
    public static OperationSetting ForArgument(ModelKind kind, IArgumentOperation argument, IObjectCreationOperation creation) =>
        new(kind, ModelProperty.Of(argument.Parameter!.Name), argument.Value, argument, creation);

    public override Known Scalar()
    {
        if (!ValueResolver.TryGetConstant(_value, out var value))
        {
            return Known.Unknown;
        }

        return value switch
        {
            int i => Known.Of((long)i),
            long l => Known.Of(l),
            short s => Known.Of((long)s),
            byte b => Known.Of((long)b),
            uint u => Known.Of((long)u),
            _ => Known.Of(value),
        };
    }

    public override Known StringTail()
    {
        var parts = new List<IOperation>();
        if (!StringParts(ValueResolver.Unwrap(_value), parts))
        {
            return Known.Unknown;
        }

        var tail = new System.Text.StringBuilder();
        for (var i = parts.Count - 1; i >= 0 && ValueResolver.TryGetString(parts[i], out var text) && text is not null; i--)
        {
            tail.Insert(0, text);
        }

        return Known.Of(tail.ToString());
    }

    /// <summary>The parts of an interpolated string or a string concatenation, in order (a hole with a format stays a part of its own).</summary>
    private static bool StringParts(IOperation? value, List<IOperation> parts)
    {
        switch (value)
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    parts.Add(part switch
                    {
                        IInterpolatedStringTextOperation text => text.Text,
                        IInterpolationOperation { Alignment: null, FormatString: null } hole => hole.Expression,
                        _ => part,
                    });
                }

                return true;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                foreach (var operand in new[] { ValueResolver.Unwrap(binary.LeftOperand), ValueResolver.Unwrap(binary.RightOperand) })
                {
                    if (operand is not null && !StringParts(operand, parts))
                    {
                        parts.Add(operand);
                    }
                }

                return true;
            default:
                return false;
        }
    }

    public override Known Elements()
    {
        if (!ValueResolver.TryGetElements(_value, out var elements))
        {
            return Known.Unknown;
        }

        var values = new List<string?>(elements.Count);
        foreach (var element in elements)
        {
            values.Add(element.Value as string);
        }

        return Known.Of(values);
    }

    public override Known Entries()
    {
        var initializer = ValueResolver.Unwrap(_value) switch
        {
            IObjectCreationOperation creation => creation.Initializer,
            IObjectOrCollectionInitializerOperation direct => direct,
            _ => null,
        };
        if (initializer is null)
        {
            return Known.Unknown;
        }

        var entries = new Dictionary<string, string?>(System.StringComparer.Ordinal);
        foreach (var item in initializer.Initializers)
        {
            IOperation key;
            IOperation value;
            switch (item)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } assignment:
                    key = indexer.Arguments[0].Value;
                    value = assignment.Value;
                    break;
                case IInvocationOperation { Arguments.Length: 2 } add:
                    key = add.Arguments[0].Value;
                    value = add.Arguments[1].Value;
                    break;
                default:
                    return Known.Unknown;
            }

            if (!ValueResolver.TryGetString(key, out var keyText) || keyText is null)
            {
                return Known.Unknown;
            }

            ValueResolver.TryGetString(value, out var valueText);
            entries[keyText] = valueText;
        }

        return Known.Of(entries);
    }

    public override Known Object()
    {
        var value = ValueResolver.Unwrap(_value);
        var isNull = value is null || value is IDefaultValueOperation || (value.ConstantValue.HasValue && value.ConstantValue.Value is null);
        return Known.Of(isNull ? null : Known.SetObject);
    }

    public override Setting? Sibling(string property)
    {
        if (_owner is null)
        {
            return null;
        }

        foreach (var argument in _owner.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter is { } parameter && ModelProperty.Of(parameter.Name) == property)
            {
                return new OperationSetting(Kind, property, argument.Value, argument, _owner);
            }
        }

        if (_owner.Initializer is not { } initializer)
        {
            return null;
        }

        foreach (var item in initializer.Initializers)
        {
            switch (item)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment when target.Property.Name == property:
                    return new OperationSetting(Kind, property, assignment.Value, assignment, _owner);
                case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation target } member when target.Property.Name == property:
                    return new OperationSetting(Kind, property, member.Initializer, member, _owner);
            }
        }

        return null;
    }

    public override Known OwnerKind() => HolderType() is { } type && EntityKind(type) is { } kind ? Known.Of(kind) : Known.Unknown;

    /// <summary>The type of the object whose <c>Metadata</c> this setting is written into, when the code shows it.</summary>
    private ITypeSymbol? HolderType()
    {
        if (_owner is null)
        {
            // role.Metadata.NamespaceProperty = "default": a statement on the metadata of an existing object.
            return Node is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: { } instance } }
                && ValueResolver.Unwrap(instance) is IPropertyReferenceOperation { Property.Name: "Metadata" } statementMetadata
                ? TypeOf(statementMetadata)
                : null;
        }

        IOperation written = _owner;
        while (written.Parent is IConversionOperation conversion)
        {
            written = conversion;
        }

        return written.Parent switch
        {
            // new V1ClusterRole { Metadata = new V1ObjectMeta { ... } }, and role.Metadata = new V1ObjectMeta { ... } as a statement.
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Metadata" } metadata } => TypeOf(metadata),
            IArgumentOperation { Parameter.Name: "metadata", Parent: IObjectCreationOperation creation } => creation.Type,
            _ => null,
        };
    }

    /// <summary>The object a <c>Metadata</c> property belongs to: the receiver's type (the created type in an initializer).</summary>
    private static ITypeSymbol? TypeOf(IPropertyReferenceOperation metadata) => metadata.Instance?.Type ?? metadata.Property.ContainingType;

    /// <summary>The <c>Kind</c> of a model type's <c>[KubernetesEntity]</c> attribute.</summary>
    private static string? EntityKind(ITypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass?.Name != "KubernetesEntityAttribute")
            {
                continue;
            }

            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == "Kind" && argument.Value.Value is string kind)
                {
                    return kind;
                }
            }
        }

        return null;
    }

    private static bool HasExplicitArguments(IObjectCreationOperation creation)
    {
        foreach (var argument in creation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.Explicit)
            {
                return true;
            }
        }

        return false;
    }
}
